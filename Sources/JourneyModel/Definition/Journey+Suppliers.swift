extension Journey {
    /// The agency services that supply `fact`: lookups that fetch it (`from:`) and services whose steps produce it
    /// (a decision yields it). Empty for a fact only the person can give.
    public func suppliers(of fact: FactID) -> [ServiceID] {
        let fetched = self.fact(fact)?.from ?? []
        let decided = steps.filter { $0.produces.contains(fact) }.compactMap(\.service)
        return fetched + decided.filter { !fetched.contains($0) }
    }

    /// Whether only an agency supplies `fact`: the journey never asks for it (no `ask:`), and a lookup fetches it or
    /// a service's decision produces it, as `personnummer` and `hasResidencePermit` in `new-in-sweden`. Such a fact is
    /// never taken as an answer; a step that declares it in `produces:` may still report it, as the person's claim.
    public func isSuppliedOnlyByAgencies(_ fact: FactID) -> Bool {
        guard let definition = self.fact(fact), definition.ask == nil else { return false }
        return !suppliers(of: fact).isEmpty
    }
}
