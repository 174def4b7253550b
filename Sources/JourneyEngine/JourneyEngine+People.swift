import Foundation
import JourneyModel
import JourneyStore

/// People: finding them and reading everything about one (binding a proven number: JourneyEngine+Identity.swift).
extension JourneyEngine {
    /// Finds the person named by `reference`. People are created by ``enroll(_:in:actor:)``, in the same
    /// transaction as their first enrollment.
    public func person(_ reference: PersonReference) async throws(EngineError) -> StoredPerson {
        switch reference {
        case .id(let id):
            guard let person = try await storage({ () async throws(StorageError) in try await store.person(id: id) }) else {
                throw EngineError.unknownPerson(id)
            }
            return person
        case .identity(let number):
            if let person = try await storage({ () async throws(StorageError) in try await store.person(identity: number) }) { return person }
            throw EngineError(.unknownPerson, "no journeys found for that \(number.kind == .samordningsnummer ? "samordningsnummer" : "personnummer")",
                hint: "start a journey first with: lotsen start JOURNEY --person ...")
        case .new:
            throw EngineError(.unknownPerson, "a newcomer has no record until a journey is started", hint: "start a journey with --person new")
        }
    }

    /// Everything about one person: facts with provenance and every enrollment with its plan.
    public func overview(_ reference: PersonReference) async throws(EngineError) -> PersonOverview {
        let person = try await self.person(reference)
        let snapshot = try await snapshot(of: person.id)
        try await loadDefinitions(of: snapshot)
        let facts = snapshot.factValues
        var views: [EnrollmentView] = []
        for enrollment in snapshot.enrollments { views.append(try view(enrollment, facts: facts, claims: snapshot.claims)) }
        return PersonOverview(person: snapshot.person, facts: snapshot.facts, enrollments: views, claims: snapshot.claims)
    }

    /// The enrollment's history, oldest first.
    public func history(of enrollment: EnrollmentID) async throws(EngineError) -> [JourneyEvent] {
        try await storage { () async throws(StorageError) in try await store.events(enrollment: enrollment) }
    }
}

extension JourneyEngine {
    /// Whether the store answers and can take changes now: what `/health` reports, and what the API checks before a
    /// change, so nothing is written to a deleted file or refused by a read-only database as a mere failure.
    public func health() async -> StoreHealth {
        await store.health()
    }

    /// Throws ``EngineError/Code/unavailable`` (or ``EngineError/Code/busy`` for a store out of reach) when the store
    /// cannot take changes now, naming what is wrong and how to fix it.
    public func requireWritableStore() async throws(EngineError) {
        let health = await store.health()
        guard let problem = health.problem else { return }
        throw EngineError(problem == .unreachable ? .busy : .unavailable, health.message, hint: health.hint)
    }
}
