import Yams

/// Reading and checking `offeredBy`: the agencies' life events that offer the journey. Read after the facts and
/// steps, since what an event proves and who qualifies are checked against the journey's facts.
extension JourneyFileParser {
    func parseOffers(_ node: Node, factTypes: [FactID: FactType]) -> [OfferRule] {
        var rules: [OfferRule] = []
        var seen: [AgencyLifeEvent: String] = [:]
        for (index, item) in reader.sequence(node, "offeredBy", what: "the life events that offer the journey").enumerated() {
            let path = "offeredBy[\(index)]"
            guard let fields = reader.mapping(item, path, keys: JourneyLoader.offerKeys, required: ["agency", "event", "lasts"], what: "an offer")
            else { continue }
            let event = fields["agency"].flatMap { reader.string($0, "\(path).agency", what: "an agency") }
                .flatMap { agency in fields["event"].flatMap { reader.string($0, "\(path).event", what: "a life event") }.flatMap { lifeEvent(agency, $0, path) } }
            if let event {
                if let first = seen[event] {
                    reader.report(at: "\(path).event", "'\(event.name)' already offers this journey", hint: "merge this entry into \(first)")
                } else {
                    seen[event] = path
                }
            }
            let proves = fields["proves"].map { parseProofs($0, "\(path).proves", event: event, factTypes: factTypes) } ?? []
            let when = fields["when"].flatMap { parseQualification($0, "\(path).when", factTypes: factTypes) }
            var lasts: ISODuration?
            if let raw = fields["lasts"].flatMap({ reader.string($0, "\(path).lasts", what: "a duration") }) {
                lasts = ISODuration(raw)
                if lasts == nil { reader.report(at: "\(path).lasts", "'\(raw)' is not an ISO 8601 duration", hint: "such as P60D (60 days) or P3M (three months)") }
            }
            guard let event, let lasts else { continue }
            rules.append(OfferRule(event: event, proves: proves, when: when, lasts: lasts))
        }
        return rules
    }

    /// The known life event `agency` registers as `kind`, or `nil` after reporting what is wrong.
    private func lifeEvent(_ agency: String, _ kind: String, _ path: String) -> AgencyLifeEvent? {
        let agencies = Set(AgencyLifeEvent.known.map(\.agency.rawValue)).sorted()
        guard agencies.contains(agency) else {
            reader.report(at: "\(path).agency", "no life events from agency '\(agency)'",
                hint: Suggestion.closest(to: agency, among: agencies).map { "did you mean '\($0)'?" } ?? "agencies that send them: \(agencies.joined(separator: ", "))")
            return nil
        }
        if let event = AgencyLifeEvent.named(agency: AgencyID(agency), kind: kind) { return event }
        let kinds = AgencyLifeEvent.known.filter { $0.agency.rawValue == agency }.map(\.kind)
        reader.report(at: "\(path).event", "agency '\(agency)' sends no life event '\(kind)'",
            hint: Suggestion.closest(to: kind, among: kinds).map { "did you mean '\($0)'?" } ?? "it sends: \(kinds.joined(separator: ", "))")
        return nil
    }

    /// `proves`: event field to fact, each field the event's, each fact declared, of the field's type, and named once.
    private func parseProofs(_ node: Node, _ path: String, event: AgencyLifeEvent?, factTypes: [FactID: FactType]) -> [OfferRule.Proof] {
        var proofs: [OfferRule.Proof] = []
        for entry in reader.entries(node, path, what: "the event's fields") {
            let fieldPath = "\(path).\(entry.key)"
            guard let factName = reader.string(entry.value, fieldPath, what: "a fact id") else { continue }
            let fact = FactID(factName)
            var fieldType: FactType?
            if let event {
                fieldType = event.type(of: entry.key)
                if fieldType == nil {
                    let names = event.fields.map(\.name)
                    reader.report(entry.keyNode, fieldPath, "'\(event.name)' has no field '\(entry.key)'",
                        hint: Suggestion.closest(to: entry.key, among: names).map { "did you mean '\($0)'?" } ?? "its fields: \(names.joined(separator: ", "))")
                    continue
                }
            }
            guard factPaths[fact] != nil else {
                reader.report(at: fieldPath, "unknown fact '\(factName)'",
                    hint: Suggestion.closest(to: factName, among: facts.map(\.id.rawValue)).map { "did you mean '\($0)'?" }
                        ?? "declare it under 'facts:' first")
                continue
            }
            if proofs.contains(where: { $0.fact == fact }) {
                reader.report(at: fieldPath, "fact '\(factName)' is already proved by another field", hint: "a fact takes one field")
                continue
            }
            if let fieldType, let factType = factTypes[fact], !fieldType.isSameKind(as: factType) {
                reader.report(at: fieldPath, "field '\(entry.key)' is a \(fieldType.keyword), but fact '\(factName)' is of type \(factType.keyword)",
                    hint: "prove a \(fieldType.keyword) fact with it")
                continue
            }
            proofs.append(OfferRule.Proof(field: entry.key, fact: fact))
        }
        return proofs
    }

    /// `when`: a condition over the journey's facts, type-checked like a step's.
    private func parseQualification(_ node: Node, _ path: String, factTypes: [FactID: FactType]) -> Condition? {
        guard reader.string(node, path, what: "a condition") != nil, let source = node.scalar?.string else { return nil }
        if !Condition.mentionedFacts(in: source).isDisjoint(with: invalidFacts) { return nil }
        do {
            switch try Condition.parse(source).check(against: factTypes) {
            case .success(let condition):
                if !condition.canHold(factTypes: factTypes) {
                    reader.report(at: path, "condition '\(condition)' can never hold", hint: "no one would get the offer; fix the condition or remove it")
                }
                return condition
            case .failure(let errors):
                for error in errors { reader.report(at: reader.position(ofValueOffset: error.range.lowerBound, in: node), path: path, error.message, hint: error.hint) }
            }
        } catch {
            reader.report(at: reader.position(ofValueOffset: error.range.lowerBound, in: node), path: path, error.message, hint: error.hint)
        }
        return nil
    }
}
