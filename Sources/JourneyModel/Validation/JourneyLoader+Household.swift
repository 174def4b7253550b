import Yams

/// Reading `household:` and the `forEach` of steps and facts, and checking that a repeated step reads and waits for
/// the same member's copies: a child's school place cannot wait on a step that is done once for the whole family
/// unless that step is not repeated at all.
extension JourneyFileParser {
    /// The roles, each with a label and either `when: <bool fact>` (one member) or `count: <whole-number fact>`.
    mutating func parseHousehold(_ node: Node) {
        let types = Dictionary(facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in reader.entries(node, "household", what: "household roles") {
            let path = "household.\(entry.key)"
            if entry.key == HouseholdRole.you {
                reader.report(entry.keyNode, path, "'you' is the person whose journey it is and is not declared",
                    hint: "write 'forEach: [you, ...]' on a step or fact to include them; declare only the others, such as 'partner' or 'child'")
                continue
            }
            if !IdentifierRules.isCamelCase(entry.key) {
                reader.report(entry.keyNode, path, "household role '\(entry.key)' is not camelCase", hint: "such as 'partner' or 'child'")
            }
            guard let fields = reader.mapping(entry.value, path, keys: JourneyLoader.householdKeys, required: ["label"], what: "a household role") else { continue }
            let label = fields["label"].flatMap { reader.text($0, "\(path).label") }
            let when = fields["when"].flatMap { reader.string($0, "\(path).when", what: "a fact") }
            let count = fields["count"].flatMap { reader.string($0, "\(path).count", what: "a fact") }
            if when == nil, count == nil {
                reader.report(entry.keyNode, path, "household role '\(entry.key)' needs 'when', 'count' or both",
                    hint: "'when: <a bool fact>' for one member such as a partner, 'count: <a whole-number fact>' for several such as children")
                continue
            }
            var gate: FactID?
            if let when, let fact = roleFact(when, at: "\(path).when", types: types, expecting: "a bool") {
                if fact.type == .bool { gate = fact.id } else {
                    reader.report(at: "\(path).when", "fact '\(when)' is \(fact.type.keyword), not bool", hint: "use a yes-or-no fact, such as 'movingWithPartner'")
                }
            }
            var counted: (fact: FactID, max: Int)?
            if let count {
                counted = roleFact(count, at: "\(path).count", types: types, expecting: "a number").flatMap { countBound($0, at: "\(path).count") }
                if let label, !(Placeholders.names(in: label.sv).contains("n") && Placeholders.names(in: label.en).contains("n")) {
                    reader.report(at: "\(path).label", "a counted role's label needs '{n}' for the member's number",
                        hint: "such as { sv: \"barn {n}\", en: \"child {n}\" }, so two children are told apart")
                }
            }
            guard let label, when == nil || gate != nil, count == nil || counted != nil else { continue }
            roles.append(HouseholdRole(id: entry.key, label: label, when: gate, count: counted))
        }
        if roles.isEmpty, node.mapping?.isEmpty == true { reader.report(node, "household", "a household needs at least one role", hint: "such as 'partner' or 'child', or remove 'household'") }
    }

    private func roleFact(_ name: String, at path: String, types: [FactID: FactDefinition], expecting what: String) -> FactDefinition? {
        guard let fact = types[FactID(name)] else {
            if !invalidFacts.contains(FactID(name)) {
                reader.report(at: path, "unknown fact '\(name)'",
                    hint: Suggestion.closest(to: name, among: facts.map(\.id.rawValue)).map { "did you mean '\($0)'?" } ?? "declare \(what) fact under 'facts:'")
            }
            return nil
        }
        if !fact.forEach.isEmpty {
            reader.report(at: path, "fact '\(name)' is repeated for household members; who is coming is the person's own answer", hint: "remove its 'forEach'")
            return nil
        }
        return fact
    }

    private func report(_ fact: FactDefinition, at path: String, _ problem: String, hint: String) -> (fact: FactID, max: Int)? {
        reader.report(at: path, "fact '\(fact.id)' \(problem)", hint: hint)
        return nil
    }

    /// A counted role's fact: a whole number from 0 (or more) up to a declared maximum of at most ``HouseholdRole/largestCount``.
    private func countBound(_ fact: FactDefinition, at path: String) -> (fact: FactID, max: Int)? {
        guard fact.type == .number else { return report(fact, at: path, "is \(fact.type.keyword), not number", hint: "use a whole-number fact, such as 'childrenMoving'") }
        guard fact.bounds.wholeNumber, (fact.bounds.minimum ?? -1) >= 0 else {
            return report(fact, at: path, "must be a whole number from 0", hint: "give it 'whole: true' and 'min: 0'")
        }
        guard let maximum = fact.bounds.maximum, maximum >= 1, maximum <= Double(HouseholdRole.largestCount) else {
            return report(fact, at: path, "needs a 'max' from 1 to \(HouseholdRole.largestCount)",
                hint: "every member up to the maximum gets copies of the repeated steps; a family with more is told to contact the agencies")
        }
        return (fact.id, Int(maximum))
    }

    /// Of the roles a step is done for, those the step at `target` has no copy for: none when `target` is done once (every
    /// copy then waits for, or counts from, that one step).
    private func rolesLacking(_ doneFor: [String], in target: Int) -> [String] {
        let targetRoles = Set(roles(of: drafts[target]).map(\.id))
        return targetRoles.isEmpty ? [] : doneFor.filter { !targetRoles.contains($0) }
    }

    /// The roles a step repeats for: an alternative's are its group's.
    func roles(of draft: StepDraft) -> [(id: String, path: String)] {
        draft.group.map { drafts[$0].forEach } ?? draft.forEach
    }

    /// A `forEach` list: `you` and declared roles, none twice. Checked once the household is read.
    func parseForEach(_ node: Node, _ path: String) -> [(id: String, path: String)] {
        let items = reader.idList(node, path)
        if items.isEmpty, node.sequence != nil { reader.report(node, path, "'forEach' needs at least one role", hint: "such as [you, partner, child]") }
        return items
    }

    /// Every `forEach` names known roles, and each repeated step reads and waits for copies that exist for every member
    /// it is repeated for.
    func checkHousehold(_ stepIndex: [String: Int]) {
        let known = [HouseholdRole.you] + roles.map(\.id)
        func check(_ list: [(id: String, path: String)]) {
            var seen = Set<String>()
            for item in list {
                if !known.contains(item.id) {
                    reader.report(at: item.path, "unknown household role '\(item.id)'",
                        hint: Suggestion.closest(to: item.id, among: known).map { "did you mean '\($0)'?" } ?? "declare it under 'household:', or use one of: \(known.joined(separator: ", "))")
                } else if !seen.insert(item.id).inserted {
                    reader.report(at: item.path, "household role '\(item.id)' is listed twice")
                }
            }
        }
        for fact in facts { check(factForEach[fact.id] ?? []) }
        let factRoles = Dictionary(facts.map { ($0.id, Set($0.forEach)) }, uniquingKeysWith: { first, _ in first })
        for draft in drafts {
            check(draft.forEach)
            if !draft.forEach.isEmpty, draft.group != nil {
                reader.report(at: "\(draft.path).forEach", "an alternative is repeated with its oneOf group", hint: "put 'forEach' on the group")
            }
            let roles = Set(self.roles(of: draft).map(\.id))
            // What the step is done for: its roles, or the person alone.
            let doneFor = roles.isEmpty ? [HouseholdRole.you] : Array(roles).sorted()
            for reference in draft.after {
                guard let target = stepIndex[reference.id] else { continue }
                let lacking = rolesLacking(doneFor, in: target)
                if !lacking.isEmpty {
                    reader.report(at: reference.path, "step '\(reference.id)' is not repeated for \(lacking.joined(separator: ", "))",
                        hint: roles.isEmpty ? "a step done once can only wait for a repeated step that includes 'you'" : "add \(lacking.joined(separator: ", ")) to the 'forEach' of '\(reference.id)', or wait for another step")
                }
            }
            var reads: [(FactID, String)] = (draft.needs + draft.produces).map { (FactID($0.id), $0.path) }
            reads += (draft.when?.referencedFacts ?? []).sorted().map { ($0, "\(draft.path).when") }
            if let anchor = draft.dueFrom {
                if let target = stepIndex[anchor.name] {
                    // A deadline counted from a repeated step counts from the same member's copy, which must exist.
                    let lacking = rolesLacking(doneFor, in: target)
                    if !lacking.isEmpty {
                        reader.report(at: anchor.path, "step '\(anchor.name)' is not repeated for \(lacking.joined(separator: ", "))",
                            hint: "count it from a step done for \(lacking.joined(separator: ", ")), or add \(lacking.joined(separator: ", ")) to the 'forEach' of '\(anchor.name)'")
                    }
                } else {
                    reads.append((FactID(anchor.name), anchor.path))
                }
            }
            for (fact, path) in reads {
                guard let factRoles = factRoles[fact], !factRoles.isEmpty else { continue }
                let lacking = doneFor.filter { !factRoles.contains($0) }
                if !lacking.isEmpty {
                    reader.report(at: path, "fact '\(fact)' is not known for \(lacking.joined(separator: ", "))",
                        hint: "add \(lacking.joined(separator: ", ")) to the 'forEach' of fact '\(fact)'")
                }
            }
        }
        let needed = Set(drafts.flatMap { $0.needs.map { FactID($0.id) } })
        for fact in facts where fact.forEach.contains(where: { $0 != HouseholdRole.you }) {
            guard let ask = fact.ask else {
                // A number the person may be asked for is asked with the person's own question; a member's needs its own.
                if askEach[fact.id] == nil, needed.contains(fact.id) {
                    reader.report(factNames[fact.id], factPaths[fact.id] ?? "facts",
                        "fact '\(fact.id)' is repeated for household members and a step needs it, but it has no 'askEach'",
                        hint: "a member's copy would be asked with the person's own question; add one with {member}, such as { en: \"What is the personal identity number of {member}?\" }")
                }
                continue
            }
            if !fact.forEach.contains(HouseholdRole.you) {
                // Asked only about members: the question itself names the member.
                if !(Placeholders.names(in: ask.sv).contains("member") && Placeholders.names(in: ask.en).contains("member")) {
                    reader.report(at: "\(factPaths[fact.id] ?? "facts").ask", "fact '\(fact.id)' is asked only about household members, so its question needs '{member}'",
                        hint: "such as { en: \"What is the date of birth of {member}?\" }")
                }
            } else if askEach[fact.id] == nil {
                reader.report(factNames[fact.id], factPaths[fact.id] ?? "facts", "fact '\(fact.id)' is repeated for household members but has no 'askEach'",
                    hint: "add the question for a member, with {member} for their name, such as { en: \"What is the passport number of {member}?\" }")
            }
        }
    }
}
