/// Swedish or English: the languages Lotsen's own words (messages, labels, units) are written in, so a `switch` over
/// them stays exhaustive while ``Language`` grows. A translated language's own words are English.
public enum AuthoringLanguage: String, Sendable {
    case sv
    case en
}

extension Language {
    /// The authoring language Lotsen's own words use for this language: Swedish for Swedish, else English.
    public var authored: AuthoringLanguage { self == .sv ? .sv : .en }
}
