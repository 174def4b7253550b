extension Condition {
    /// Whether some answers to the facts make the condition true; `false` means it can never hold
    /// (`hasChildren and not hasChildren`, `age < 18 and age > 65`, `citizenship in EU and citizenship not in EU_EEA`).
    ///
    /// A condition can only tell values apart by the literals, sets and other facts it compares them with,
    /// so it suffices to try one representative of every class of values it cannot tell apart: both bools;
    /// every option of a choice; for numbers and dates every constant mentioned plus values below, between
    /// and above them; for countries every code mentioned plus one country of each region of the named
    /// sets mentioned (including a country in none); for text every literal plus one other. Facts tested
    /// with `is known` may also stay unknown. When facts are compared with each other, each region gets as
    /// many representatives as there are such facts, so they can differ.
    ///
    /// Gives up, answering `true` (assume it can hold), beyond `limit` combinations, so it always finishes quickly.
    ///
    /// - Parameter factTypes: the declared facts, for the options of choices.
    public func canHold(factTypes: [FactID: FactType], limit: Int = 100_000) -> Bool {
        let usage = ConditionUsage(root)
        let facts = referencedFacts.sorted()
        var domains: [[FactValue?]] = []
        var combinations = 1
        for fact in facts {
            var domain = usage.representatives(of: fact, type: factTypes[fact])
            if domain.isEmpty || usage.testedKnown.contains(fact) { domain.append(nil) }
            domains.append(domain)
            let (product, overflow) = combinations.multipliedReportingOverflow(by: domain.count)
            guard !overflow, product <= limit else { return true }
            combinations = product
        }
        let position = Dictionary(uniqueKeysWithValues: facts.enumerated().map { ($0.element, $0.offset) })
        var choice = [Int](repeating: 0, count: facts.count)
        while true {
            let truth = root.truth { id in position[id].flatMap { domains[$0][choice[$0]] } }
            if truth == .true { return true }
            // Advance the mixed-radix counter; done when it wraps around.
            var digit = 0
            while digit < choice.count {
                choice[digit] += 1
                if choice[digit] < domains[digit].count { break }
                choice[digit] = 0
                digit += 1
            }
            if digit == choice.count { return false }
        }
    }
}

/// What a condition does with each fact: the constants and sets it compares it with.
private struct ConditionUsage {
    var kinds: [FactID: FactKind] = [:]
    var literals: [FactID: [FactValue]] = [:]
    var sets: [FactID: [CountryMask]] = [:]
    /// Facts compared with another fact, by kind.
    var comparedWithFacts: [FactKind: Set<FactID>] = [:]
    var testedKnown: Set<FactID> = []

    init(_ root: ConditionNode) { visit(root) }

    private mutating func visit(_ node: ConditionNode) {
        switch node {
        case .constant:
            break
        case .fact(let id):
            kinds[id] = .bool
        case .not(let operand):
            visit(operand)
        case .and(let operands), .or(let operands):
            for operand in operands { visit(operand) }
        case .equal(let lhs, let rhs, _):
            visit(lhs)
            visit(rhs)
        case .compare(.fact(let a, let kind), _, .fact(let b, _)):
            kinds[a] = kind
            kinds[b] = kind
            comparedWithFacts[kind, default: []].formUnion([a, b])
        case .compare(.fact(let id, let kind), _, .literal(let value)), .compare(.literal(let value), _, .fact(let id, let kind)):
            kinds[id] = kind
            add(value, to: id)
        case .compare:
            break
        case .member(let id, let kind, let set, _):
            kinds[id] = kind
            switch set {
            case .named(_, let mask): sets[id, default: []].append(mask)
            case .list(let values): for value in values { add(value, to: id) }
            }
        case .known(let id, _):
            testedKnown.insert(id)
        }
    }

    private mutating func add(_ value: FactValue, to id: FactID) {
        if literals[id]?.contains(value) != true { literals[id, default: []].append(value) }
    }

    /// One value of each class the condition cannot tell apart (several where facts are compared with each other).
    func representatives(of id: FactID, type: FactType?) -> [FactValue?] {
        let kind = type.map(FactKind.init) ?? kinds[id]
        // Facts compared with one another must share one partition (so they can be equal), with as many
        // values in each class as there are such facts (so they can all differ).
        let group = kind.flatMap { comparedWithFacts[$0] }.flatMap { $0.contains(id) ? $0.sorted() : nil } ?? [id]
        var mentioned: [FactValue] = []
        for fact in group {
            for value in literals[fact] ?? [] where !mentioned.contains(value) { mentioned.append(value) }
        }
        let sets = group.flatMap { self.sets[$0] ?? [] }
        let copies = group.count
        switch kind {
        case .bool:
            return [.bool(false), .bool(true)]
        case .choice:
            let options = (type?.options ?? []).map { FactValue.choice($0.value) }
            return options.isEmpty ? mentioned + Self.otherTexts(avoiding: mentioned, count: copies).map { .choice($0) } : options
        case .text:
            return mentioned + Self.otherTexts(avoiding: mentioned, count: copies).map { .text($0) }
        case .number:
            let constants = Set(mentioned.compactMap { value -> Double? in
                if case .number(let number) = value { return number }
                return nil
            }).sorted()
            return Self.numbers(around: constants, copies: copies).map { .number($0) }
        case .date:
            let constants = Set(mentioned.compactMap { value -> Int? in
                if case .date(let date) = value { return date.dayNumber }
                return nil
            }).sorted()
            return Self.integers(around: constants, copies: copies).map { .date(CalendarDate(dayNumber: $0)) }
        case .country:
            return countries(mentioned: mentioned, sets: sets, copies: copies).map { .country($0) }
        case .personnummer, .organisationsnummer, nil:
            // Only `is known` can test these; any value stands for "known" (see `ConditionNode.known`).
            return [.text("")]
        }
    }

    private func countries(mentioned: [FactValue], sets: [CountryMask], copies: Int) -> [CountryCode] {
        let codes = mentioned.compactMap { value -> CountryCode? in
            if case .country(let code) = value { return code }
            return nil
        }
        let named = Set(codes.map(\.alpha2))
        var perRegion: [[Bool]: Int] = [:]
        var result = codes
        for code in CountryTable.entries.map(\.code).sorted() where !named.contains(code) {
            guard let country = CountryCode(code) else { continue }
            let region = sets.map { $0.contains(country) }
            guard perRegion[region, default: 0] < copies else { continue }
            perRegion[region, default: 0] += 1
            result.append(country)
        }
        return result
    }

    private static func otherTexts(avoiding mentioned: [FactValue], count: Int) -> [String] {
        let taken = Set(mentioned.map(\.canonical))
        var result: [String] = []
        var index = 0
        while result.count < count {
            if !taken.contains("other \(index)") { result.append("other \(index)") }
            index += 1
        }
        return result
    }

    /// The constants, `copies` values below the first and above the last, and up to `copies` between each pair.
    private static func numbers(around constants: [Double], copies: Int) -> [Double] {
        guard let first = constants.first, let last = constants.last else { return (0..<copies).map(Double.init) }
        var result = (1...copies).map { first - Double($0) }
        for (low, high) in zip(constants, constants.dropFirst()) {
            result.append(low)
            for step in 1...copies {
                let value = low + (high - low) * Double(step) / Double(copies + 1)
                if value > low, value < high, !result.contains(value) { result.append(value) }
            }
        }
        result.append(last)
        result += (1...copies).map { last + Double($0) }
        return result
    }

    /// As ``numbers(around:copies:)`` for whole numbers (days), where there may be none between two constants.
    private static func integers(around constants: [Int], copies: Int) -> [Int] {
        guard let first = constants.first, let last = constants.last else { return (0..<copies).map { 10_957 + $0 } }  // from 2000-01-01
        var result = (1...copies).map { first - $0 }
        for (low, high) in zip(constants, constants.dropFirst()) {
            result.append(low)
            result += (low + 1..<high).prefix(copies)
        }
        result.append(last)
        result += (1...copies).map { last + $0 }
        return result
    }
}
