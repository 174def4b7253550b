import Foundation
import JourneyModel
import JourneyStore

/// Proactive offers: an agency's life event offers the journeys that declare it (`offeredBy`) to the person it is
/// about, with what it proves filled in once-only when they accept. Only a person Lotsen knows by a proven number
/// gets offers, only for journeys they are not on, and only when the journey's `when` holds; an event about anyone
/// else is kept as unmatched (a fingerprint, to recognise it sent again) and never creates a person.
extension JourneyEngine {
    /// Receives an agency's life event: records it once per message id and makes its offers. A message id seen
    /// before returns the first receipt, marked as a duplicate, when the event is the same, and is refused as a
    /// conflict when it is not. An unmatched event is forgotten after `lifetime`.
    public func receive(_ message: LifeEventMessage, lifetime: Duration = defaultPendingEventLifetime) async throws(EngineError) -> LifeEventReceipt {
        let fingerprint = message.fingerprint
        for _ in 0..<4 {
            if let earlier = try await storage({ () async throws(StorageError) in
                try await store.lifeEvent(agency: message.event.agency, messageID: message.messageID)
            }) {
                guard earlier.kind == message.event.kind, earlier.fingerprint == fingerprint else {
                    throw EngineError(.conflict, "message id '\(message.messageID)' was already used for a different event",
                        hint: "give every new event a new message id")
                }
                return LifeEventReceipt(messageID: message.messageID, event: message.event, receivedAt: earlier.receivedAt, duplicate: true,
                    person: earlier.person, offers: [])
            }
            let known = try await storage { () async throws(StorageError) in try await store.person(identity: message.person) }
            let person = known?.isProven == true ? known : nil
            let now = clock()
            var made: [Offer] = []
            if let person { made = offers(for: message, snapshot: try await snapshot(of: person.id), at: now) }
            let received = ReceivedLifeEvent(agency: message.event.agency, messageID: message.messageID, kind: message.event.kind,
                fingerprint: fingerprint, person: person?.id, receivedAt: now, expiresAt: now.addingTimeInterval(lifetime.timeInterval))
            do {
                let stored = try await store.receive(received, offers: made)
                return LifeEventReceipt(messageID: message.messageID, event: message.event, receivedAt: now, duplicate: false, person: person?.id,
                    offers: stored)
            } catch where error.code == .conflict {
                continue  // sent twice at once: the next round finds the first and answers as for a duplicate
            } catch {
                throw EngineError(storage: error)
            }
        }
        throw EngineError(.conflict, "the event kept being received at the same time", hint: "send the same event again")
    }

    /// The offers `message` makes to the person of `snapshot`: one per journey it offers that they are not on and
    /// qualify for, decided over the event's facts and what Lotsen knows of them. A field the journey's fact refuses
    /// (out of its bounds, say) is left out, for the person to answer.
    func offers(for message: LifeEventMessage, snapshot: PersonSnapshot, at now: Date) -> [Offer] {
        var offers: [Offer] = []
        for journey in library.journeys where !snapshot.enrollments.contains(where: { $0.journey == journey.id }) {
            for rule in journey.offeredBy where rule.event == message.event {
                let facts = rule.proves.compactMap { proof -> Offer.ProvenFact? in
                    guard let value = message.fields[proof.field], let declared = journey.fact(proof.fact), value.conforms(to: declared.type),
                        (try? declared.check(value)) != nil
                    else { return nil }
                    return Offer.ProvenFact(fact: proof.fact, value: value)
                }
                let proven = Dictionary(facts.map { ($0.fact, $0.value) }, uniquingKeysWith: { first, _ in first })
                let known = snapshot.factValues
                guard rule.when.map({ $0.evaluate { proven[$0] ?? known[$0] } == .true }) ?? true else { continue }
                offers.append(Offer(id: 0, person: snapshot.person.id, journey: journey.id, agency: message.event.agency, event: message.event.kind,
                    messageID: message.messageID, vouchedBy: message.event.vouchedBy, facts: facts, createdAt: now,
                    expiresAt: rule.lasts.date(after: now)))
                break
            }
        }
        return offers
    }

    /// The person's offers, newest first.
    public func offers(of person: PersonID) async throws(EngineError) -> [Offer] {
        try await storage { () async throws(StorageError) in try await store.offers(of: person) }
    }

    /// The person's offers still open at the engine's clock, oldest first: what a front end puts before them.
    public func openOffers(of person: PersonID) async throws(EngineError) -> [Offer] {
        let now = clock()
        return try await offers(of: person).reversed().filter { $0.standing(at: now) == .open }
    }

    /// Accepts the person's open offer: starts its journey (or finds it started) and fills in what the event proved,
    /// as facts the agency supplied. Each part is idempotent, so accepting again after a failure part-way finishes the
    /// work rather than doing it twice. Returns the offer, accepted.
    public func acceptOffer(_ id: Int64, of person: PersonID, actor: JourneyEvent.Actor = .person) async throws(EngineError) -> Offer {
        let offer = try await openOffer(id, of: person)
        let view = try await enroll(.id(person), in: offer.journey, actor: actor)
        if !offer.facts.isEmpty {
            try await record(offer.facts.map { ($0.fact, $0.value) }, source: .agency(offer.vouchedBy), validUntil: nil, person: person,
                journey: offer.journey, actor: .agency)
        }
        return try await settle(offer, .accepted, enrollment: view.enrollment.id)
    }

    /// Declines the person's open offer. Returns it, declined.
    public func declineOffer(_ id: Int64, of person: PersonID) async throws(EngineError) -> Offer {
        try await settle(try await openOffer(id, of: person), .declined, enrollment: nil)
    }

    private func settle(_ offer: Offer, _ decision: Offer.Status, enrollment: EnrollmentID?) async throws(EngineError) -> Offer {
        let now = clock()
        let settled = try await storage { () async throws(StorageError) in
            try await store.decideOffer(offer.id, of: offer.person, decision, enrollment: enrollment, at: now)
        }
        guard let settled, settled.status == decision else { throw Self.closed(settled ?? offer, at: now) }
        return settled
    }

    /// The person's offer `id`, refused unless it is open.
    private func openOffer(_ id: Int64, of person: PersonID) async throws(EngineError) -> Offer {
        guard let offer = try await offers(of: person).first(where: { $0.id == id }) else {
            throw EngineError(.unknownOffer, "no offer '\(id)'", hint: "list the person's offers")
        }
        guard offer.standing(at: clock()) == .open else { throw Self.closed(offer, at: clock()) }
        return offer
    }

    private static func closed(_ offer: Offer, at now: Date) -> EngineError {
        EngineError(.offerClosed, "offer '\(offer.id)' is \(offer.standing(at: now).rawValue)",
            hint: offer.standing(at: now) == .expired ? "start the journey yourself" : "nothing more to do")
    }
}
