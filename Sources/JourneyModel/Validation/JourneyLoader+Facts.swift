import Yams

/// Reading the `facts` mapping: ids, types, texts, options, bounds and where a fact may come from.
extension JourneyFileParser {
    mutating func parseFacts(_ node: Node) {
        for entry in reader.entries(node, "facts", what: "facts") {
            let path = "facts.\(entry.key)"
            if !IdentifierRules.isCamelCase(entry.key) {
                reader.report(entry.keyNode, path, "fact id '\(entry.key)' is not camelCase", hint: "start with a lower-case letter and use only letters and digits, such as 'hasChildren'")
            }
            guard let fields = reader.mapping(entry.value, path, keys: JourneyLoader.factKeys, required: ["type"], what: "a fact") else { continue }
            let ask = fields["ask"].flatMap { reader.text($0, "\(path).ask") }
            let label = fields["label"].flatMap { reader.text($0, "\(path).label") }
            let help = fields["help"].flatMap { reader.text($0, "\(path).help") }
            let forEach = fields["forEach"].map { parseForEach($0, "\(path).forEach") } ?? []
            if let node = fields["askEach"], let question = reader.text(node, "\(path).askEach") {
                if !(Placeholders.names(in: question.sv).contains("member") && Placeholders.names(in: question.en).contains("member")) {
                    reader.report(at: "\(path).askEach", "'askEach' needs '{member}' where the member's name goes",
                        hint: "such as { sv: \"Vilket passnummer har {member}?\", en: \"What is the passport number of {member}?\" }")
                }
                if !forEach.contains(where: { $0.id != HouseholdRole.you }) {
                    reader.report(at: "\(path).askEach", "only a fact repeated for household members has 'askEach'", hint: "add 'forEach: [you, partner, child]' or remove 'askEach'")
                }
                askEach[FactID(entry.key)] = question
            }
            var type: FactType?
            if let keyword = fields["type"].flatMap({ reader.string($0, "\(path).type", what: "a fact type") }) {
                type = factType(keyword, options: fields["options"], path: path)
            }
            if fields["options"] != nil, let type, type.keyword != "choice" {
                reader.report(at: "\(path).options", "only a choice has options", hint: "remove 'options' or set 'type: choice'")
            }
            let bounds = type.map { factBounds(fields, type: $0, path: path) } ?? FactBounds()
            var from: [ServiceID] = []
            if let node = fields["from"] {
                for item in reader.idList(node, "\(path).from") {
                    let service = ServiceID(item.id)
                    if let lookup = checkService(service, at: item.path, expecting: .lookup), lookup.returnedField(for: FactID(entry.key)) == nil {
                        reader.report(at: item.path, "service '\(service)' does not return '\(entry.key)'",
                            hint: "add '\(entry.key): <field>' under services.\(service.name).returns in adapters/\(service.agency).yaml")
                    }
                    from.append(service)
                }
            }
            let id = FactID(entry.key)
            if factPaths[id] != nil {
                reader.report(entry.keyNode, path, "duplicate fact '\(entry.key)'")
                continue
            }
            factPaths[id] = path
            factNames[id] = entry.keyNode
            if let type {
                if !forEach.isEmpty { factForEach[id] = forEach }
                facts.append(FactDefinition(id: id, type: type, label: label, ask: ask, help: help, from: from, bounds: bounds, forEach: forEach.map(\.id)))
            } else {
                invalidFacts.insert(id)
            }
        }
    }

    /// `min`, `max` and `whole` of a number fact, `maxLength` of a text fact; each refused on other types.
    func factBounds(_ fields: [String: Node], type: FactType, path: String) -> FactBounds {
        var bounds = FactBounds()
        for key in ["min", "max", "whole"] where fields[key] != nil && type != .number {
            reader.report(at: "\(path).\(key)", "only a number fact has '\(key)'", hint: "remove '\(key)' or set 'type: number'")
        }
        if fields["maxLength"] != nil, type != .text {
            reader.report(at: "\(path).maxLength", "only a text fact has 'maxLength'", hint: "remove 'maxLength' or set 'type: text'")
        }
        switch type {
        case .number:
            bounds.minimum = fields["min"].flatMap { reader.number($0, "\(path).min") }
            bounds.maximum = fields["max"].flatMap { reader.number($0, "\(path).max") }
            bounds.wholeNumber = fields["whole"].flatMap { reader.bool($0, "\(path).whole") } ?? false
            if let minimum = bounds.minimum, let maximum = bounds.maximum, minimum > maximum {
                reader.report(at: "\(path).max", "max \(FactValue.format(number: maximum)) is less than min \(FactValue.format(number: minimum))",
                    hint: "swap them, or widen the range")
            }
            if bounds.wholeNumber {
                for (key, bound) in [("min", bounds.minimum), ("max", bounds.maximum)] {
                    if let bound, bound.rounded() != bound {
                        reader.report(at: "\(path).\(key)", "a whole-number fact needs a whole \(key)", hint: "write \(key): \(FactValue.format(number: bound.rounded()))")
                    }
                }
            }
        case .text:
            if let node = fields["maxLength"], let length = reader.int(node, "\(path).maxLength") {
                if (1...FactBounds.largestTextLength).contains(length) {
                    bounds.maxLength = length
                } else {
                    reader.report(at: "\(path).maxLength", "maxLength must be from 1 to \(FactBounds.largestTextLength)",
                        hint: "without it a text may have \(FactBounds.defaultTextLength) characters")
                }
            }
        default:
            break
        }
        return bounds
    }

    func factType(_ keyword: String, options: Node?, path: String) -> FactType? {
        switch keyword {
        case "bool": return .bool
        case "text": return .text
        case "number": return .number
        case "date": return .date
        case "country": return .country
        case "personnummer": return .personnummer
        case "organisationsnummer": return .organisationsnummer
        case "choice":
            guard let options else {
                reader.report(at: "\(path).type", "a choice needs options", hint: "add 'options:' mapping each value to a text { sv: ..., en: ... }")
                return nil
            }
            let entries = reader.entries(options, "\(path).options", what: "options")
            var choices: [ChoiceOption] = []
            for entry in entries {
                let optionPath = "\(path).options.\(entry.key)"
                if !IdentifierRules.isCamelCase(entry.key) {
                    reader.report(entry.keyNode, optionPath, "option '\(entry.key)' is not camelCase", hint: "such as 'soleTrader'")
                }
                if let label = reader.text(entry.value, optionPath) { choices.append(ChoiceOption(value: entry.key, label: label)) }
            }
            if entries.count < 2, options.mapping != nil {
                reader.report(at: "\(path).options", "a choice needs at least two options")
            }
            return choices.isEmpty ? nil : .choice(choices)
        default:
            reader.report(at: "\(path).type", "unknown fact type '\(keyword)'",
                hint: Suggestion.closest(to: keyword, among: FactType.keywords).map { "did you mean '\($0)'?" }
                    ?? "use one of: \(FactType.keywords.joined(separator: ", "))")
            return nil
        }
    }
}
