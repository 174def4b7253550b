extension Condition {
    /// The fact names a condition's text mentions, read token by token up to the first syntax error. The
    /// validator uses it to know which facts a condition reads even when the condition does not compile,
    /// so a typo elsewhere in it does not also make a fact look unused.
    public static func mentionedFacts(in source: String) -> Set<FactID> {
        var lexer = ConditionLexer(Array(source))
        var facts = Set<FactID>()
        while let token = try? lexer.next() {
            switch token.kind {
            case .end: return facts
            case .fact(let name): facts.insert(FactID(name))
            default: continue
            }
        }
        return facts
    }
}
