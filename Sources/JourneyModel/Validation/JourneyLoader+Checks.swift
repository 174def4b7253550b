import Yams

/// The checks that need the whole file: ids, references, conditions and the step graph.
extension JourneyFileParser {
    mutating func checkSteps() {
        let stepIndex = checkStepIDs()
        let factTypes = Dictionary(facts.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
        checkReferences(stepIndex)
        checkConditions(factTypes)
        let cyclic = checkCycles(stepIndex)
        checkDeadlines(stepIndex, factTypes)
        checkFactsBecomeKnown(stepIndex, cyclic: cyclic)
        checkHousehold(stepIndex)
    }

    /// Step ids are unique across the journey, alternatives included.
    func checkStepIDs() -> [String: Int] {
        var index: [String: Int] = [:]
        for (offset, draft) in drafts.enumerated() {
            guard let id = draft.id else { continue }
            if let first = index[id] {
                reader.report(at: "\(draft.path).id", "duplicate step id '\(id)'", hint: "already used by \(drafts[first].path); step ids must be unique")
            } else {
                index[id] = offset
            }
        }
        return index
    }

    func checkReferences(_ stepIndex: [String: Int]) {
        let allSteps = Array(stepIndex.keys)
        for (offset, draft) in drafts.enumerated() {
            for reference in draft.after {
                guard let target = stepIndex[reference.id] else {
                    reader.report(at: reference.path, "unknown step '\(reference.id)'",
                        hint: Suggestion.closest(to: reference.id, among: allSteps).map { "did you mean '\($0)'?" })
                    continue
                }
                if target == offset {
                    reader.report(at: reference.path, "step '\(reference.id)' cannot come after itself")
                } else if drafts[target].group == offset {
                    reader.report(at: reference.path, "a oneOf group cannot come after its own alternative '\(reference.id)'",
                        hint: "remove it; the group is done when any alternative is")
                } else if let group = drafts[target].group, group != draft.group || draft.group == nil {
                    let groupID = drafts[group].id ?? "?"
                    reader.report(at: reference.path, "'\(reference.id)' is an alternative in the oneOf group '\(groupID)'",
                        hint: "refer to the group '\(groupID)' instead; it is done when any alternative is")
                } else if drafts[target].group != nil {
                    reader.report(at: reference.path, "alternatives of one group cannot depend on each other", hint: "only one of them is ever done")
                } else if let group = draft.group, target == group {
                    reader.report(at: reference.path, "an alternative cannot come after its own group")
                }
            }
            for (references, role) in [(draft.needs, "needs"), (draft.produces, "produces")] {
                for reference in references where factPaths[FactID(reference.id)] == nil {
                    reader.report(at: reference.path, "unknown fact '\(reference.id)'",
                        hint: Suggestion.closest(to: reference.id, among: facts.map(\.id.rawValue)).map { "did you mean '\($0)'?" }
                            ?? "declare it under 'facts:' before listing it in '\(role)'")
                }
            }
        }
    }

    mutating func checkConditions(_ factTypes: [FactID: FactType]) {
        for offset in drafts.indices {
            guard let source = drafts[offset].whenSource, let node = drafts[offset].whenNode else { continue }
            let path = "\(drafts[offset].path).when"
            // A condition over a fact whose own definition is broken cannot be typed; that fact's error says enough.
            if !Condition.mentionedFacts(in: source).isDisjoint(with: invalidFacts) { continue }
            do {
                let parsed = try Condition.parse(source)
                switch parsed.check(against: factTypes) {
                case .success(let condition):
                    drafts[offset].when = condition
                    if !condition.canHold(factTypes: factTypes) {
                        reader.report(at: path, "condition '\(condition)' can never hold", hint: "the step would never apply; fix the condition or remove the step")
                    }
                case .failure(let errors):
                    for error in errors { reportCondition(error, path: path, node: node) }
                }
            } catch {
                reportCondition(error, path: path, node: node)
            }
        }
    }

    private func reportCondition(_ error: ConditionError, path: String, node: Node) {
        reader.report(at: reader.position(ofValueOffset: error.range.lowerBound, in: node), path: path, error.message, hint: error.hint)
    }

    /// Reports cycles in `after` (and through oneOf groups), then the steps that wait on one.
    /// Returns the indices of steps that are in or behind a cycle.
    func checkCycles(_ stepIndex: [String: Int]) -> Set<Int> {
        // Edges point from a step to what must be done first; a group waits on its alternatives. References
        // between a group and its own alternatives are already reported as errors, so they make no cycle here.
        let edges: [[Int]] = drafts.enumerated().map { offset, draft in
            draft.after.compactMap { stepIndex[$0.id] }.filter { target in
                target != offset && drafts[target].group != offset && target != draft.group
                    && (draft.group == nil || drafts[target].group != draft.group)
            } + draft.alternatives
        }
        var state = [UInt8](repeating: 0, count: drafts.count)  // 0 new, 1 on the stack, 2 done
        var stack: [Int] = []
        var cycles: [[Int]] = []
        func visit(_ node: Int) {
            state[node] = 1
            stack.append(node)
            for next in edges[node] {
                if state[next] == 1, let start = stack.lastIndex(of: next) {
                    cycles.append(Array(stack[start...]))
                } else if state[next] == 0 {
                    visit(next)
                }
            }
            stack.removeLast()
            state[node] = 2
        }
        for node in drafts.indices where state[node] == 0 { visit(node) }

        var inCycle = Set<Int>()
        var reported = Set<Set<Int>>()
        for cycle in cycles where !cycle.contains(where: { drafts[$0].id == nil }) {
            let members = Set(cycle)
            inCycle.formUnion(members)
            guard members.count > 1, reported.insert(members).inserted else { continue }
            // Start the printed cycle at the step that comes first in the file, so the message is stable.
            let first = cycle.firstIndex(of: cycle.min()!)!
            let ordered = Array(cycle[first...] + cycle[..<first])
            let names = (ordered + [ordered[0]]).reversed().map { drafts[$0].id ?? "?" }
            let head = drafts[ordered[0]]
            reader.report(at: "\(head.path).\(head.after.isEmpty ? "id" : "after")", "steps form a cycle: \(names.joined(separator: " → "))",
                hint: "remove one of these 'after' references")
        }
        guard !inCycle.isEmpty else { return [] }
        var blocked = inCycle
        var changed = true
        while changed {
            changed = false
            for node in drafts.indices where !blocked.contains(node) && edges[node].contains(where: blocked.contains) {
                // A group with one alternative outside the cycle can still be done.
                if !drafts[node].alternatives.isEmpty, drafts[node].after.allSatisfy({ !blocked.contains(stepIndex[$0.id] ?? -1) }),
                    drafts[node].alternatives.contains(where: { !blocked.contains($0) })
                {
                    continue
                }
                blocked.insert(node)
                changed = true
                let waitsOn = edges[node].filter(blocked.contains).compactMap { drafts[$0].id }
                reader.report(at: "\(drafts[node].path).id", "step '\(drafts[node].id ?? "?")' can never be reached",
                    hint: "it waits on \(waitsOn.map { "'\($0)'" }.joined(separator: ", ")), which can never be done because of a cycle")
            }
        }
        return blocked
    }

    /// Every fact must be able to become known, and a fact that only steps produce must be produced
    /// before the steps whose conditions or needs read it.
    func checkFactsBecomeKnown(_ stepIndex: [String: Int], cyclic: Set<Int>) {
        var producers: [FactID: [Int]] = [:]
        for (offset, draft) in drafts.enumerated() {
            for fact in draft.produces { producers[FactID(fact.id), default: []].append(offset) }
        }
        // Who is coming decides the household members' copies of steps.
        var used = Set(roles.flatMap(\.facts))
        for draft in drafts {
            used.formUnion(draft.needs.map { FactID($0.id) })
            used.formUnion(draft.produces.map { FactID($0.id) })
            if let anchor = draft.dueFrom { used.insert(FactID(anchor.name)) }
            // From the text, so a condition with an error elsewhere still counts as using its facts, and a
            // misspelt fact (already reported with a suggestion) counts as a use of the fact it was meant to be.
            for mention in draft.whenSource.map(Condition.mentionedFacts(in:)) ?? [] {
                if factPaths[mention] != nil {
                    used.insert(mention)
                } else if let meant = Suggestion.closest(to: mention.rawValue, among: factPaths.keys.map(\.rawValue)) {
                    used.insert(FactID(meant))
                }
            }
        }
        for fact in facts {
            let path = factPaths[fact.id] ?? "facts"
            let name = factNames[fact.id]
            // A fact with a misspelt key (say 'aks' for 'ask') already has its error.
            if fact.ask == nil, fact.from.isEmpty, producers[fact.id] == nil {
                if !reader.pathsWithUnknownKeys.contains(path) {
                    reader.report(name, path, "fact '\(fact.id)' can never become known", hint: "add 'ask:', 'from:', or list it in a step's 'produces'")
                }
            } else if !used.contains(fact.id) {
                reader.report(name, path, "fact '\(fact.id)' is declared but no step uses it", hint: "use it in a condition, 'needs' or 'produces', or remove it",
                    severity: .warning)
            }
        }

        // What is surely done before a step starts: its own and its group's prerequisites, recursively; a group
        // among them stands for the alternative that was done, so its alternatives count too. A step's own
        // alternatives do not: a group's condition is decided before any of them.
        let prerequisites: [[Int]] = drafts.indices.map { offset in
            let own = drafts[offset].after.compactMap { stepIndex[$0.id] }
            let inherited = drafts[offset].group.map { group in drafts[group].after.compactMap { stepIndex[$0.id] } } ?? []
            return own + inherited
        }
        func ancestors(of start: Int) -> Set<Int> {
            var seen = Set<Int>()
            var queue = prerequisites[start]
            while let next = queue.popLast() {
                guard seen.insert(next).inserted else { continue }
                queue.append(contentsOf: prerequisites[next])
                queue.append(contentsOf: drafts[next].alternatives)
            }
            return seen
        }
        for (offset, draft) in drafts.enumerated() where !cyclic.contains(offset) {
            var reads: [(FactID, String)] = draft.needs.map { (FactID($0.id), $0.path) }
            reads += (draft.when?.referencedFacts ?? []).sorted().map { ($0, "\(draft.path).when") }
            let before = ancestors(of: offset)
            for (fact, path) in reads {
                guard let definition = facts.first(where: { $0.id == fact }), definition.ask == nil, definition.from.isEmpty,
                    let makers = producers[fact], !makers.contains(where: before.contains)
                else { continue }
                let names = makers.compactMap { drafts[$0].id }.map { "'\($0)'" }
                let fromOwnGroup = makers.allSatisfy { maker in drafts[maker].group == offset || (draft.group != nil && drafts[maker].group == draft.group) }
                if makers.contains(offset) {
                    reader.report(at: path, "step '\(draft.id ?? "?")' reads fact '\(fact)', which only it produces",
                        hint: "a step cannot depend on its own result; ask for the fact or produce it in an earlier step")
                } else if fromOwnGroup {
                    reader.report(at: path, "fact '\(fact)' is only produced by \(names.joined(separator: ", ")), an alternative of the same group",
                        hint: "alternatives are decided before any of them is done; ask for the fact or produce it in an earlier step")
                } else {
                    reader.report(at: path, "fact '\(fact)' is only produced by \(names.joined(separator: ", ")), which does not come before this step",
                        hint: "add \(names.joined(separator: " or ")) to 'after', or give the fact an 'ask:'")
                }
            }
        }
    }
}
