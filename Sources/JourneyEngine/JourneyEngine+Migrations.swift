import Foundation
import JourneyModel
import JourneyStore

/// What `lotsen migrate-enrollments` sees before it changes anything: each running enrollment on an older version and
/// whether it moves.
public struct MigrationPlan: Sendable {
    /// Running enrollments on older versions, by enrollment id.
    public let moves: [EnrollmentMove]
    /// Complete enrollments on older versions: finished, so they keep the version they finished on.
    public let finished: Int
    /// Problems with the mapping that only the old versions show; nothing moves while there are any.
    public let diagnostics: [Diagnostic]
}

/// Moving running enrollments to a newer version of their journey (`migrations:` in the journey file).
extension JourneyEngine {
    /// Plans moving every running enrollment of `journeyID` on an older version to `version`, which must be the version
    /// the journey file holds. Reads the enrollments a page at a time and each person's snapshot; writes nothing.
    public func planMigration(of journeyID: JourneyID, to version: Int, in store: any LotsenStore) async throws(EngineError) -> MigrationPlan {
        let target = try migrationTarget(journeyID, version: version)
        var candidates: [EnrollmentSummary] = []
        var cursor: EnrollmentCursor?
        repeat {
            let query = EnrollmentQuery(journey: journeyID, limit: 1000)
            let page = try await storage { () async throws(StorageError) in try await store.enrollmentPage(query, after: cursor) }
            candidates += page.items.filter { $0.journeyVersion < version }
            cursor = page.next
        } while cursor != nil
        let finished = candidates.count { $0.status == .complete }
        candidates.removeAll { $0.status == .complete }
        var diagnostics: [Diagnostic] = []
        var old: [Int: Journey] = [:]
        for from in Set(candidates.map(\.journeyVersion)).sorted() {
            let journey = try await pinnedDefinition(journeyID, version: from)
            old[from] = journey
            diagnostics += target.migration(from: from, file: migrationFile(target)).check(from: journey, to: target)
        }
        guard diagnostics.isEmpty else { return MigrationPlan(moves: [], finished: finished, diagnostics: diagnostics.sortedByLocation()) }
        var moves: [EnrollmentMove] = []
        for candidate in candidates.sorted(by: { $0.id < $1.id }) {
            guard let snapshot = try await storage({ () async throws(StorageError) in try await store.snapshot(person: candidate.person) }),
                let enrollment = snapshot.enrollments.first(where: { $0.id == candidate.id }), let from = old[enrollment.journeyVersion]
            else { continue }
            let pending = try await pendingSteps(of: enrollment, in: store)
            moves.append(MovePlanner.plan(enrollment, facts: snapshot.factValues, pending: pending, from: from, to: target,
                mapping: target.migration(from: from.version, file: migrationFile(target))))
        }
        return MigrationPlan(moves: moves, finished: finished, diagnostics: [])
    }

    /// Moves one enrollment to `version` in its own transaction, planned again there on what is stored then (the person
    /// may have acted since the plan). Returns what happened; `nil` when there was nothing to do: the enrollment is
    /// already on that version, or finished. A move is recorded as an `enrollmentMigrated` event, and the enrollment's
    /// states, status, due dates and timers are worked out again for the new version.
    public func migrate(_ enrollmentID: EnrollmentID, of person: PersonID, to version: Int, in store: any LotsenStore) async throws(EngineError)
        -> EnrollmentMove?
    {
        guard let existing = try await storage({ () async throws(StorageError) in try await store.enrollment(id: enrollmentID) }) else {
            throw EngineError(.unknownEnrollment, "no enrollment \(enrollmentID)")
        }
        // Read before the transaction, which reads nothing else: an application recorded in between is retried under its
        // old step, which the move then keeps only if its id stays.
        let pending = try await pendingSteps(of: existing, in: store)
        let target = try migrationTarget(existing.journey, version: version)
        try await pin(target, person: nil)
        let file = migrationFile(target)
        let clock = self.clock
        let written = try await transact(.existing(person)) {
            (snapshot: inout PersonSnapshot, _: OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: EnrollmentMove?) in
            guard let index = snapshot.enrollments.firstIndex(where: { $0.id == enrollmentID }) else {
                throw EngineError(.unknownEnrollment, "no enrollment \(enrollmentID)")
            }
            var enrollment = snapshot.enrollments[index]
            guard enrollment.journeyVersion < target.version, enrollment.status != .complete else { return ([], nil) }
            let old = try self.definition(for: enrollment)
            let mapping = target.migration(from: old.version, file: file)
            guard mapping.check(from: old, to: target).isEmpty else {
                throw EngineError(.definitionChanged, "the mapping from version \(old.version) does not place every step",
                    hint: "run lotsen validate, then lotsen migrate-enrollments --dry-run")
            }
            let move = MovePlanner.plan(enrollment, facts: snapshot.factValues, pending: pending, from: old, to: target, mapping: mapping)
            guard move.moves else { return ([], move) }
            enrollment.steps = MovePlanner.steps(of: enrollment, mapping: mapping, into: target)
            enrollment.journeyVersion = target.version
            snapshot.enrollments[index] = enrollment
            let event = JourneyEvent(enrollment: enrollmentID, at: clock(), actor: .system, kind: .enrollmentMigrated, detail: MovePlanner.detail(move))
            return ([event], move)
        }
        return written.output
    }

    /// The steps of `enrollment` with an application still pending in the outbox.
    private func pendingSteps(of enrollment: StoredEnrollment, in store: any LotsenStore) async throws(EngineError) -> Set<StepID> {
        let submissions = try await storage { () async throws(StorageError) in try await store.submissions(person: enrollment.person) }
        return Set(submissions.filter { $0.enrollment == enrollment.id && $0.state == .pending }.map(\.step))
    }

    /// The journey's current definition, which must be `version`: the mapping lives in the newest file.
    private func migrationTarget(_ journeyID: JourneyID, version: Int) throws(EngineError) -> Journey {
        guard let target = library.journey(journeyID) else {
            throw EngineError(.unknownJourney, "no journey '\(journeyID)'",
                hint: Suggestion.closest(to: journeyID.rawValue, among: library.journeys.map(\.id.rawValue)).map { "did you mean '\($0)'?" }
                    ?? "list the journeys with: lotsen journeys")
        }
        guard target.version == version else {
            throw EngineError(.invalidValue, "journeys/\(journeyID).yaml is version \(target.version), not \(version)",
                hint: "enrollments move to the version the journey file holds: --to \(target.version)")
        }
        return target
    }

    /// The file the mapping's diagnostics name when it has no entry of its own for a version.
    private func migrationFile(_ journey: Journey) -> String {
        journey.migrations.first?.origin.file ?? "journeys/\(journey.id).yaml"
    }

    /// The definition of an older version, from the text the store pinned when the first enrollment started on it.
    private func pinnedDefinition(_ journey: JourneyID, version: Int) async throws(EngineError) -> Journey {
        do throws(EngineError) {
            return try definition(journey, version: version)
        } catch {
            guard let missing = error.missingRead else { throw error }
            var reads = OutsideReads()
            try await resolve(missing, into: &reads)
            return try definition(journey, version: version)
        }
    }
}
