import Foundation
import JourneyModel
import JourneyStore

/// Facts: answers a person gives, facts an agency supplied, and the identity number a person proved.
extension JourneyEngine {
    /// Records answers for the person. Each answer must name a fact declared by `journey` (or, without one,
    /// by the journeys the person is enrolled in), parse as its type and keep its bounds (a number's range, a
    /// text's length and no control characters); nothing is recorded if any is wrong. `language` is the
    /// person's: it decides a number's decimal mark and the language of what a refusal says about an answer.
    ///
    /// Facts an agency supplies are the agency's. An answer never replaces what an agency supplied: one that differs
    /// is kept as the person's claim beside it (``PersonSnapshot/claims``), and the agency's value is still what plans
    /// and what is sent. A fact only agencies supply (``Journey/isSuppliedOnlyByAgencies(_:)``) is not an answer
    /// until an agency has supplied it (``EngineError/Code/agencySupplied``). With `identityClaims`, a personnummer or
    /// organisationsnummer the person types is the exception, kept as their claim ("you said") for planning and never
    /// as their identity; the API, whose citizens log in to give their number, passes `false`. `representation` names
    /// who answered for the person, when someone did: every event records it.
    public func answer(person id: PersonID, journey: JourneyID? = nil, answers: [(fact: FactID, text: String)], language: Language? = nil,
        source: FactSource = .person, actor: JourneyEvent.Actor = .person, identityClaims: Bool = true, representation: Representation? = nil)
        async throws(EngineError) -> PersonOverview
    {
        let written = try await transact(.existing(id)) {
            (snapshot: inout PersonSnapshot, reads: OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: Void) in
            (try self.answering(&snapshot, journey: journey, answers: answers, language: language, source: source, actor: actor,
                identityClaims: identityClaims, reads: reads).representing(representation), ())
        }
        return try overview(of: written.snapshot, plans: written.plans)
    }

    func answering(_ snapshot: inout PersonSnapshot, journey: JourneyID?, answers: [(fact: FactID, text: String)], language: Language?,
        source: FactSource, actor: JourneyEvent.Actor, identityClaims: Bool = true, reads: OutsideReads) throws(EngineError) -> [JourneyEvent]
    {
        let journeys = try self.journeys(for: snapshot, only: journey)
        var parsed: [(FactID, FactValue)] = []
        var problems: [EngineError] = []
        for (fact, text) in answers {
            do throws(EngineError) {
                if source.agencyService == nil, snapshot.facts[fact]?.source.agencyService == nil,
                    let declaring = journeys.first(where: { $0.isSuppliedOnlyByAgencies(fact) }),
                    !(identityClaims && [.personnummer, .organisationsnummer].contains(declaring.fact(fact)?.type))
                {
                    throw EngineError(.agencySupplied, "'\(fact)' is supplied by an agency, not answered",
                        hint: "it comes from \(declaring.suppliers(of: fact).map(\.rawValue).joined(separator: " or ")), with your consent",
                        field: fact.rawValue)
                }
                parsed.append((fact, try parse(fact, text, declaredBy: journeys, language: language)))
            } catch {
                problems.append(error)
                if answers.count == 1 { throw error }
            }
        }
        if let first = problems.first {
            // One kind of refusal keeps its code (agencySupplied, say); a mix of them is an invalid batch.
            let code = problems.allSatisfy { $0.code == first.code } ? first.code : .invalidValue
            throw EngineError(code, "nothing was recorded: \(problems.map(\.message).joined(separator: "; "))",
                hint: "fix these answers and send them again", field: first.field)
        }
        return try record(parsed, source: source, actor: actor, in: &snapshot, reads: reads)
    }

    /// Records facts an agency supplied, already typed, with how long they count. Each must be declared by
    /// `journey` with a type the value conforms to; nothing is recorded if any is not.
    public func record(_ facts: [(fact: FactID, value: FactValue)], source: FactSource, validUntil: Date?, person id: PersonID, journey: JourneyID,
        actor: JourneyEvent.Actor) async throws(EngineError)
    {
        _ = try await transact(.existing(id)) {
            (snapshot: inout PersonSnapshot, reads: OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: Void) in
            let definition = try self.journeys(for: snapshot, only: journey)[0]
            for (fact, value) in facts {
                guard let declared = definition.fact(fact), value.conforms(to: declared.type) else {
                    throw EngineError(.invalidValue, "'\(fact)' is not a \(definition.fact(fact)?.type.keyword ?? "declared") fact of '\(journey)'",
                        field: fact.rawValue)
                }
                do throws(FactValueError) {
                    try declared.check(value)
                } catch {
                    throw EngineError(.invalidValue, "'\(fact)': \(error.message)", hint: error.hint, field: fact.rawValue)
                }
            }
            let vouchedBy: AgencyID? = if case .agency(let service) = source { service.agency } else { nil }
            return (try self.record(facts.map { ($0.fact, $0.value) }, source: source, validUntil: validUntil, vouchedBy: vouchedBy, actor: actor,
                in: &snapshot, reads: reads), ())
        }
    }

    func parse(_ fact: FactID, _ text: String, declaredBy journeys: [Journey], language: Language? = nil) throws(EngineError) -> FactValue {
        let declarations = journeys.compactMap { $0.fact(fact) }
        guard let definition = declarations.first else {
            let known = Set(journeys.flatMap { $0.facts.map(\.id.rawValue) })
            throw EngineError(.unknownFact, "'\(fact)' is not a fact of \(journeys.map { "'\($0.id)'" }.joined(separator: " or "))",
                hint: Suggestion.closest(to: fact.rawValue, among: known).map { "did you mean '\($0)'?" } ?? "see the facts with: lotsen show JOURNEY",
                field: ControlCharacters.first(in: fact.rawValue) == nil ? fact.rawValue : nil)
        }
        if declarations.contains(where: { !$0.type.isSameKind(as: definition.type) }) {
            throw EngineError(.ambiguousEnrollment, "journeys declare '\(fact)' with different types", hint: "name the journey with --journey")
        }
        do {
            return try definition.value(parsing: text, language: language, today: CalendarDate.today(now: clock()))
        } catch {
            throw EngineError(.invalidValue, "'\(fact)': \(error.message(in: language ?? .en))", hint: error.hint(in: language ?? .en),
                field: fact.rawValue)
        }
    }

    /// Stores parsed facts on the snapshot and logs them to every enrollment whose journey declares them.
    /// `vouchedBy` is the agency whose own answer these facts are (a lookup, a case decision, a pushed event); `nil`
    /// for what the person said. Only the agency of record's `personnummer` binds the number to the person: a number
    /// the person typed, or reported on completing a step, stays a fact with provenance "you said".
    func record(_ facts: [(FactID, FactValue)], source: FactSource, validUntil: Date? = nil, vouchedBy: AgencyID? = nil, actor: JourneyEvent.Actor,
        in snapshot: inout PersonSnapshot, reads: OutsideReads) throws(EngineError) -> [JourneyEvent]
    {
        let now = clock()
        var events: [JourneyEvent] = []
        for (fact, value) in facts {
            if let known = snapshot.facts[fact], known.value == value, known.source == source, known.validUntil == validUntil { continue }
            var declaring: [StoredEnrollment] = []
            for enrollment in snapshot.enrollments where try definition(for: enrollment).fact(fact) != nil { declaring.append(enrollment) }
            // What an agency supplied is the agency's: what the person says beside it is their claim, and the agency's
            // value stays. Saying the agency's value again withdraws the claim.
            if source.agencyService == nil, let known = snapshot.facts[fact], known.source.agencyService != nil {
                let claim = known.value == value ? nil : KnownFact(value: value, source: source, recordedAt: now)
                guard snapshot.claims[fact]?.value != claim?.value else { continue }
                snapshot.claims[fact] = claim
                events += declaring.map { JourneyEvent(enrollment: $0.id, at: now, actor: actor, kind: .factRecorded, fact: fact,
                    detail: claim == nil ? "claim withdrawn" : "claim \(source.description)") }
                continue
            }
            // An agency's value that agrees with the person's claim settles it.
            if source.agencyService != nil, snapshot.claims[fact]?.value == value { snapshot.claims[fact] = nil }
            snapshot.facts[fact] = KnownFact(value: value, source: source, recordedAt: now, validUntil: validUntil)
            if fact == "personnummer", case .personnummer(let number) = value, vouchedBy == Self.agencyOfRecord {
                try bind(number, proof: IdentityProof(method: .agencyOfRecord, issuer: Self.agencyOfRecord.rawValue, assurance: nil, provenAt: now),
                    in: &snapshot, reads: reads)
            }
            events += declaring.map { JourneyEvent(enrollment: $0.id, at: now, actor: actor, kind: .factRecorded, fact: fact, detail: source.description) }
        }
        return events
    }

    /// The number a person identified with is a fact they have already given: journeys that need a
    /// `personnummer` fact get it without asking again (once-only).
    func recordIdentityFact(in snapshot: inout PersonSnapshot, actor: JourneyEvent.Actor, reads: OutsideReads) throws(EngineError) -> [JourneyEvent] {
        guard let identity = snapshot.person.identity, snapshot.facts["personnummer"] == nil else { return [] }
        var declared = false
        for enrollment in snapshot.enrollments where try definition(for: enrollment).fact("personnummer")?.type == .personnummer {
            declared = true
        }
        guard declared else { return [] }
        return try record([("personnummer", .personnummer(identity))], source: .person, actor: actor, in: &snapshot, reads: reads)
    }
}
