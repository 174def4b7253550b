import Foundation
import JourneyModel
import JourneyStore

extension AgencyExchange {
    /// The lookups that could supply facts the journey needs now (to decide what applies, or for a step that can
    /// be done), grouped by service. Empty for a person without a proven Swedish number: lookups are keyed by it, and
    /// run only for someone who proved it (``requireProvenIdentity(of:)`` says how).
    /// A lookup the person refused for the same facts is not offered again; they answer instead.
    public func lookupOffers(person: PersonID, journey journeyID: JourneyID) async throws(EngineError) -> [LookupOffer] {
        let overview = try await engine.overview(.id(person))
        guard overview.person.isProven, let view = overview.enrollments.first(where: { $0.journey.id == journeyID }) else { return [] }
        let journey = view.journey
        let now = clock()
        func unknown(_ fact: FactID) -> Bool { overview.facts[fact].map { !$0.isValid(at: now) } ?? true }
        var needed: [FactID] = view.plan.factsToAnswer
        for status in view.plan.steps where status.state == .available || status.state == .inProgress {
            needed += journey.step(status.step)?.needs ?? []
        }
        let refused = try await consents(of: person).filter { $0.decision == .refused && $0.journey == journeyID }
        var offers: [LookupOffer] = []
        var offered: Set<FactID> = []
        for fact in journey.facts.map(\.id) where needed.contains(fact) && unknown(fact) && !offered.contains(fact) {
            guard let definition = journey.fact(fact) else { continue }
            for serviceID in definition.from {
                guard let service = catalog.service(serviceID), service.kind == .lookup, let agency = catalog.agency(serviceID.agency),
                    !refused.contains(where: { $0.service == serviceID && $0.fields.contains(fact) })
                else { continue }
                let facts = journey.facts.filter { candidate in
                    needed.contains(candidate.id) && unknown(candidate.id) && !offered.contains(candidate.id) && candidate.from.contains(serviceID)
                        && service.returnedField(for: candidate.id) != nil
                        && !refused.contains(where: { $0.service == serviceID && $0.fields.contains(candidate.id) })
                }
                guard !facts.isEmpty else { continue }
                // The purpose is the step that needs the facts now: one the person can do, before a step that does not
                // apply (a permit's application that also asks for the name, say).
                let needing = view.plan.steps.filter { status in journey.step(status.step).map { step in facts.contains { step.needs.contains($0.id) } } ?? false }
                let current = needing.first { $0.state == .available || $0.state == .inProgress } ?? needing.first { $0.state != .notApplicable } ?? needing.first
                let step = current.flatMap { journey.step($0.step) }
                offers.append(LookupOffer(journey: journey, step: step, agency: agency, service: service, facts: facts))
                offered.formUnion(facts.map(\.id))
                break
            }
        }
        return offers
    }

    /// Fetches the offer's facts after the person's decision. Every step is journaled: the consent, the intent
    /// before the call, and the outcome after it (fields by name only).
    public func fetch(_ offer: LookupOffer, for person: PersonID, decision: Consent.Decision, actor: JourneyEvent.Actor = .person) async throws(EngineError)
        -> LookupOutcome
    {
        let fields = offer.facts.map(\.id)
        let purpose = offer.purpose
        let service = offer.service.id
        // Checked before the consent is recorded: an unproven number is refused whatever the decision.
        let identity = try await requireProvenIdentity(of: person)
        try await decide(decision, person: person, purpose: purpose, service: service, direction: .fetch, fields: fields, actor: actor)
        guard decision == .granted else { return .refused }
        let mappings = offer.facts.compactMap { offer.service.returnedField(for: $0.id) }
        try await journal(entry(person, actor, purpose, service, .fetch, fields, .intended))
        let matches: [AgencyValue]
        do {
            matches = try await adapter.lookup(LookupRequest(service: service, subject: identity, fields: mappings.map(\.field), purpose: purpose))
        } catch {
            try await journal(entry(person, actor, purpose, service, .fetch, fields, .failed, detail: error.code.name))
            throw failure(error, agency: offer.agency, retrying: false)
        }
        guard matches.count == 1, let record = matches.first else {
            let outcome: AccessEntry.Outcome = matches.isEmpty ? .noMatch : .severalMatches
            try await journal(entry(person, actor, purpose, service, .fetch, fields, outcome))
            return matches.isEmpty ? .noMatch : .severalMatches
        }
        // Only the facts asked for are kept; the rest of the record is dropped unread.
        var values: [(fact: FactID, value: FactValue)] = []
        for definition in offer.facts {
            guard let mapping = offer.service.returnedField(for: definition.id), let raw = record.value(at: mapping), raw != .null else { continue }
            // A value outside the fact's bounds (a name with escape codes, a negative count) is as unusable as one of another type.
            guard let value = raw.factValue(as: definition.type), (try? definition.check(value)) != nil else {
                try await journal(entry(person, actor, purpose, service, .fetch, fields, .failed, detail: AgencyError.Code.malformedResponse.name))
                throw failure(AgencyError(agency: service.agency, service: service, code: .malformedResponse,
                    message: "'\(mapping.field)' is not a usable \(definition.type.keyword)"), agency: offer.agency, retrying: false)
            }
            values.append((definition.id, value))
        }
        try await journal(entry(person, actor, purpose, service, .fetch, values.map(\.fact), .completed))
        if !values.isEmpty {
            let validUntil = offer.service.validFor.map { $0.date(after: clock()) }
            try await engine.record(values, source: .agency(service), validUntil: validUntil, person: person, journey: offer.journey.id, actor: actor)
        }
        return .recorded(values.map(\.fact))
    }
}

extension AgencyExchange {
    /// The person's proven number, or ``EngineError/Code/notProven`` saying how to prove it: once-only runs only for
    /// an identity bound by an eID login or by the agency of record, never for a number someone typed.
    public func requireProvenIdentity(of person: PersonID) async throws(EngineError) -> Personnummer {
        let stored = try await engine.person(.id(person))
        guard let identity = stored.identity, stored.isProven else {
            throw EngineError(.notProven,
                stored.identity == nil
                    ? "Lotsen fetches and sends only for a proven personnummer or samordningsnummer, and this person has none"
                    : "the number this person is named by has not been proven; Lotsen fetches and sends only for a proven identity",
                hint: "log in with e-legitimation first: lotsen login --person \(person)")
        }
        return identity
    }
}
