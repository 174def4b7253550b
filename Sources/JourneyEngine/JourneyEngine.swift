import Foundation
import JourneyModel
import JourneyStore
import Synchronization

/// Advances people through journeys. Each request loads what it needs, decides with the pure
/// ``JourneyPlanner`` and ``TransitionRules``, and writes the outcome in one store transaction.
///
/// The engine's work is split by concern: people (`+People`), enrollments (`+Enrollments`), facts (`+Facts`),
/// steps (`+Steps`), and how a decision meets the store (`+Transactions`).
public final class JourneyEngine: Sendable {
    public let library: JourneyLibrary
    let store: any JourneyStore
    let clock: @Sendable () -> Date
    /// Definitions of older versions that enrollments are pinned to, parsed once.
    private let pinned = Mutex<[String: Journey]>([:])
    /// Definition versions whose text this process has already pinned in the store.
    private let pinnedSources = Mutex<Set<String>>([])

    public init(library: JourneyLibrary, store: any JourneyStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.library = library
        self.store = store
        self.clock = clock
    }

    // MARK: Definitions

    /// Remembers the definition text the first time the version is used (once per process), and refuses a
    /// changed text under the same version for anyone not already on it.
    func pin(_ journey: Journey, person: PersonID?) async throws(EngineError) {
        let key = "\(journey.id)@\(journey.version)"
        guard let source = library.sources[journey.id], !pinnedSources.withLock({ $0.contains(key) }) else { return }
        let stored = try await storage { () async throws(StorageError) in
            try await store.pinDefinition(journey: journey.id, version: journey.version, source: source)
        }
        if stored == source {
            pinnedSources.withLock { _ = $0.insert(key) }
            return
        }
        if let person,
            try await storage({ () async throws(StorageError) in try await store.snapshot(person: person) })?.enrollments
                .contains(where: { $0.journey == journey.id }) == true
        {
            return
        }
        throw EngineError(.definitionChanged, "journey '\(journey.id)' version \(journey.version) was changed after people started it",
            hint: "bump 'version' in journeys/\(journey.id).yaml; people already on version \(journey.version) keep it")
    }

    /// The definition an enrollment is pinned to: the current one when versions match, else the stored text of its
    /// version, parsed once. Reads nothing: a version not read yet is a ``MissingRead``, which the engine reads
    /// outside the transaction before deciding again (see ``loadDefinitions(of:)``).
    func definition(for enrollment: StoredEnrollment) throws(EngineError) -> Journey {
        try definition(enrollment.journey, version: enrollment.journeyVersion)
    }

    /// The definition of one version of a journey; see ``definition(for:)``.
    func definition(_ journey: JourneyID, version: Int) throws(EngineError) -> Journey {
        if let current = library.journey(journey), current.version == version { return current }
        if let cached = pinned.withLock({ $0["\(journey)@\(version)"] }) { return cached }
        throw EngineError(missing: .definition(journey, version: version))
    }

    /// Reads and parses every definition version the snapshot's enrollments are pinned to that is not in memory yet.
    func loadDefinitions(of snapshot: PersonSnapshot) async throws(EngineError) {
        for enrollment in snapshot.enrollments {
            do throws(EngineError) {
                _ = try definition(for: enrollment)
            } catch {
                guard let missing = error.missingRead else { throw error }
                var reads = OutsideReads()
                try await resolve(missing, into: &reads)
            }
        }
    }

    /// Reads what a decision found missing: a pinned definition goes into the engine's cache, an identity's owner
    /// into `reads`.
    func resolve(_ missing: MissingRead, into reads: inout OutsideReads) async throws(EngineError) {
        switch missing {
        case .owner(let number):
            reads.owners[number] = .some(try await storage { () async throws(StorageError) in try await store.person(identity: number) }?.id)
        case .definition(let journey, let version):
            let key = "\(journey)@\(version)"
            guard let source = try await storage({ () async throws(StorageError) in try await store.definitionSource(journey: journey, version: version) })
            else {
                throw EngineError(.definitionChanged, "journey '\(journey)' version \(version) is no longer available",
                    hint: "restore journeys/\(journey).yaml at that version")
            }
            let loaded = JourneyLoader.load(source, file: key, catalog: library.catalog, translations: library.translations(of: journey))
            guard let parsed = loaded.journey else {
                throw EngineError(.definitionChanged, "journey '\(journey)' version \(version) no longer loads",
                    hint: "a service it uses may have been removed from adapters/")
            }
            pinned.withLock { $0[key] = parsed }
        }
    }

    // MARK: Views

    /// The plan of one enrollment in a snapshot.
    public func view(of enrollment: StoredEnrollment, in snapshot: PersonSnapshot) async throws(EngineError) -> EnrollmentView {
        try await loadDefinitions(of: snapshot)
        return try view(enrollment, facts: snapshot.factValues, claims: snapshot.claims)
    }

    func view(_ enrollment: StoredEnrollment, facts: [FactID: FactValue], claims: [FactID: KnownFact] = [:]) throws(EngineError) -> EnrollmentView {
        let journey = try definition(for: enrollment)
        return EnrollmentView(enrollment: enrollment, journey: journey, plan: JourneyPlanner.plan(journey, facts: facts, progress: enrollment.progress),
            claims: claims)
    }

    /// The overview of a snapshot whose enrollments were just planned, in its order.
    func overview(of snapshot: PersonSnapshot, plans: [JourneyPlan]) throws(EngineError) -> PersonOverview {
        var views: [EnrollmentView] = []
        for (enrollment, plan) in zip(snapshot.enrollments, plans) {
            views.append(EnrollmentView(enrollment: enrollment, journey: try definition(for: enrollment), plan: plan, claims: snapshot.claims))
        }
        return PersonOverview(person: snapshot.person, facts: snapshot.facts, enrollments: views, claims: snapshot.claims)
    }

    /// The definitions of the person's enrollments, or of the one in `journey`.
    func journeys(for snapshot: PersonSnapshot, only journey: JourneyID?) throws(EngineError) -> [Journey] {
        if let journey {
            guard let enrollment = snapshot.enrollments.first(where: { $0.journey == journey }) else {
                throw EngineError(.notEnrolled, "this person has not started '\(journey)'", hint: "start it with: lotsen start \(journey) --person ...")
            }
            return [try definition(for: enrollment)]
        }
        guard !snapshot.enrollments.isEmpty else {
            throw EngineError(.notEnrolled, "this person has not started any journey", hint: "start one with: lotsen start JOURNEY --person ...")
        }
        var result: [Journey] = []
        for enrollment in snapshot.enrollments { result.append(try definition(for: enrollment)) }
        return result
    }
}
