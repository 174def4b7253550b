import Yams

/// Reading and checking `due`: a duration from an anchor (the enrollment's start, another step's completion, or a
/// date fact). The anchor is resolved once the whole file is read, since it may name a later step.
extension JourneyFileParser {
    func parseDue(_ node: Node, _ path: String, into draft: inout StepDraft) {
        guard let fields = reader.mapping(node, path, keys: JourneyLoader.dueKeys, required: JourneyLoader.dueKeys, what: "a deadline") else { return }
        if let raw = fields["within"].flatMap({ reader.string($0, "\(path).within", what: "a duration") }) {
            draft.dueWithin = ISODuration(raw)
            if draft.dueWithin == nil {
                reader.report(at: "\(path).within", "'\(raw)' is not an ISO 8601 duration", hint: "such as P1W (one week), P3M (three months) or P1Y")
            }
        }
        if let raw = fields["from"].flatMap({ reader.string($0, "\(path).from", what: "an anchor") }) {
            draft.dueFrom = (raw, "\(path).from")
        }
    }

    /// Resolves each `due.from` to the start, a step or a date fact, and refuses anchors that could never start the
    /// clock before the step is settled: the step itself, its own alternative, or a step that waits on it.
    mutating func checkDeadlines(_ stepIndex: [String: Int], _ factTypes: [FactID: FactType]) {
        for offset in drafts.indices {
            guard let (name, path) = drafts[offset].dueFrom else { continue }
            let draft = drafts[offset]
            let anchor: StepDeadline.Anchor
            let step = stepIndex[name]
            let fact = factPaths[FactID(name)] != nil ? FactID(name) : nil
            if name == "start" {
                if step != nil || fact != nil {
                    reader.report(at: path, "'start' names the enrollment's start, but a step or fact is also called 'start'",
                        hint: "rename that step or fact")
                    continue
                }
                anchor = .start
            } else if let step {
                if fact != nil {
                    reader.report(at: path, "'\(name)' names both a step and a fact", hint: "rename one of them, so the deadline's anchor is clear")
                    continue
                }
                if step == offset {
                    reader.report(at: path, "step '\(name)' cannot be due after its own completion", hint: "count from 'start', an earlier step or a date fact")
                    continue
                }
                if drafts[step].group == offset {
                    reader.report(at: path, "a oneOf group cannot be due after its own alternative '\(name)'", hint: "the group is done when any alternative is")
                    continue
                }
                if waits(step, on: offset) || draft.group.map({ waits(step, on: $0) }) == true {
                    reader.report(at: path, "step '\(name)' can only be done after '\(draft.id ?? "?")', so this deadline would never start",
                        hint: "count from a step that comes before it, 'start' or a date fact")
                    continue
                }
                anchor = .step(StepID(name))
            } else if let fact {
                guard let type = factTypes[fact] else { continue }  // its own definition has an error
                guard type == .date else {
                    reader.report(at: path, "fact '\(name)' is of type \(type.keyword), not date", hint: "a deadline counts from a date fact, a step or 'start'")
                    continue
                }
                anchor = .fact(fact)
            } else {
                let names = ["start"] + stepIndex.keys.sorted() + facts.map(\.id.rawValue)
                reader.report(at: path, "unknown anchor '\(name)'",
                    hint: Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" }
                        ?? "write 'start', a step id or a date fact")
                continue
            }
            guard let within = draft.dueWithin else { continue }
            drafts[offset].due = StepDeadline(within: within, anchor: anchor)
        }
    }

    /// Whether `step` can only be done after `target`: `target` is among its prerequisites (its own or its group's),
    /// recursively, a group standing for its alternatives.
    private func waits(_ step: Int, on target: Int) -> Bool {
        let index = Dictionary(drafts.enumerated().compactMap { offset, draft in draft.id.map { ($0, offset) } }, uniquingKeysWith: { first, _ in first })
        var seen = Set<Int>()
        var queue = [step]
        while let next = queue.popLast() {
            let own = drafts[next].after.compactMap { index[$0.id] }
            let inherited = drafts[next].group.map { group in drafts[group].after.compactMap { index[$0.id] } } ?? []
            for prerequisite in own + inherited where seen.insert(prerequisite).inserted {
                if prerequisite == target { return true }
                queue.append(prerequisite)
                queue.append(contentsOf: drafts[prerequisite].alternatives)
            }
        }
        return false
    }
}
