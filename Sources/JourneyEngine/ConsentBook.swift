import Foundation
import JourneyModel
import JourneyStore

/// A person's consents to the once-only exchange: what they allowed or refused, and withdrawing what they allowed.
/// Needs no agency, so the command line can list and withdraw consents without starting the exchange.
public struct ConsentBook: Sendable {
    let store: any OnceOnlyStore
    let clock: @Sendable () -> Date

    public init(store: any OnceOnlyStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// The person's consents, oldest first.
    public func consents(of person: PersonID) async throws(EngineError) -> [Consent] {
        try await storage { () async throws(StorageError) in try await store.consents(person: person) }
    }

    /// Withdraws a granted consent: later exchanges in its scope are asked again. Journaled. A refusal cannot be
    /// withdrawn (there is nothing to take back).
    public func withdraw(_ id: String, of person: PersonID, actor: JourneyEvent.Actor = .person) async throws(EngineError) -> Consent {
        let withdrawn = try await storage { () async throws(StorageError) in
            try await store.withdrawConsent(id: id, person: person, at: clock(), actor: actor)
        }
        guard let withdrawn else {
            throw EngineError(.unknownPerson, "this person has no consent '\(id)'", hint: "list them with: lotsen consent list --person ...")
        }
        guard withdrawn.decision == .granted else { throw EngineError(.invalidTransition, "'\(id)' was a refusal; there is nothing to withdraw") }
        return withdrawn
    }
}
