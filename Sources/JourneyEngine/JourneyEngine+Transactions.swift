import Foundation
import JourneyModel
import JourneyStore
import Synchronization

/// How a decision meets the store. There are two ways to make a change, for two kinds of caller:
/// - ``transact(_:_:)``: the store loads the person, the decision runs inside its write transaction, only the
///   difference is written. Every request of the API, the guide and the command line goes this way.
/// - ``change(_:step:on:journey:produced:actor:)`` and ``commit(_:)``: decide on a snapshot kept in memory, write
///   later (with other changes in one transaction, if wanted), guarded by each enrollment's revision. Agency
///   events and the benchmark go this way.
extension JourneyEngine {
    /// How often a decision is made again after it found it needed something read outside its transaction.
    static let decisionAttempts = 8

    /// A decision: changes the snapshot, and says what happened and what the caller learns from it.
    typealias Decision<Output: Sendable> = @Sendable (inout PersonSnapshot, OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: Output)

    enum Subject: Sendable {
        case existing(PersonID)
        case creating(StoredPerson)

        var person: PersonID {
            switch self {
            case .existing(let id): id
            case .creating(let person): person.id
            }
        }
    }

    /// What one transaction wrote: the snapshot, each enrollment's plan (in the snapshot's order), and the
    /// decision's output.
    struct Written<Output: Sendable>: Sendable {
        let snapshot: PersonSnapshot
        let plans: [JourneyPlan]
        let output: Output
    }

    /// Runs `decide` plus re-planning inside one store transaction. When the decision needs something from outside
    /// the snapshot that was not read yet, nothing is written: it is read, and the decision runs again.
    func transact<Output: Sendable>(_ subject: Subject, _ decide: Decision<Output>) async throws(EngineError) -> Written<Output> {
        var reads = OutsideReads()
        for _ in 0..<Self.decisionAttempts {
            let outcome = DecisionOutcome<Output>()
            let known = reads
            let planned = { @Sendable (snapshot: inout PersonSnapshot) throws(EngineError) -> [JourneyEvent] in
                let decided = try decide(&snapshot, known)
                let plans = try self.replan(&snapshot, touched: Set(decided.events.map { $0.enrollment }))
                outcome.set(plans: plans, output: decided.output)
                return decided.events
            }
            do {
                let snapshot: PersonSnapshot =
                    switch subject {
                    case .existing(let id): try await store.transact(person: id, planned)
                    case .creating(let person): try await store.transact(creating: person, planned)
                    }
                guard let result = outcome.result else { throw EngineError(.storage, "the change was written without its decision") }
                return Written(snapshot: snapshot, plans: result.plans, output: result.output)
            } catch let error as EngineError {
                guard let missing = error.missingRead else { throw error }
                try await resolve(missing, into: &reads)
            } catch let error as StorageError {
                if error.code == .notFound { throw EngineError(.unknownPerson, "no person with reference \(subject.person)") }
                throw EngineError(storage: error)
            } catch {
                throw EngineError(.storage, "the change could not be saved")
            }
        }
        throw EngineError(.storage, "a decision kept needing data from outside its transaction", hint: "try again")
    }

    /// Runs `decide` on a copy of the snapshot and re-plans, writing nothing.
    func decide(on snapshot: PersonSnapshot, _ decide: Decision<Void>) async throws(EngineError) -> DecidedChange {
        var reads = OutsideReads()
        for _ in 0..<Self.decisionAttempts {
            do throws(EngineError) {
                var after = snapshot
                let events = try decide(&after, reads).events
                let plans = try replan(&after, touched: Set(events.map { $0.enrollment }))
                return DecidedChange(change: SnapshotChange(before: snapshot, after: after, events: events), plans: plans)
            } catch {
                guard let missing = error.missingRead else { throw error }
                try await resolve(missing, into: &reads)
            }
        }
        throw EngineError(.storage, "a decision kept needing data from outside its transaction", hint: "try again")
    }

    /// Decides a step command on an in-memory snapshot without writing it; ``commit(_:)`` writes one or more
    /// such changes in a single transaction.
    public func change(_ command: StepCommand, step stepID: StepID, on snapshot: PersonSnapshot, journey: JourneyID? = nil,
        produced: [(fact: FactID, text: String)] = [], actor: JourneyEvent.Actor = .person) async throws(EngineError) -> DecidedChange
    {
        try await decide(on: snapshot) { (snapshot: inout PersonSnapshot, reads: OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: Void) in
            (try self.applying(command, step: stepID, to: &snapshot, journey: journey, produced: produced, actor: actor, reads: reads).events, ())
        }
    }

    /// Decides answers on an in-memory snapshot without writing them; see ``change(_:step:on:journey:produced:actor:)``.
    public func change(answering answers: [(fact: FactID, text: String)], on snapshot: PersonSnapshot, journey: JourneyID? = nil,
        language: Language? = nil, source: FactSource = .person, actor: JourneyEvent.Actor = .person) async throws(EngineError) -> DecidedChange
    {
        try await decide(on: snapshot) { (snapshot: inout PersonSnapshot, reads: OutsideReads) throws(EngineError) -> (events: [JourneyEvent], output: Void) in
            (try self.answering(&snapshot, journey: journey, answers: answers, language: language, source: source, actor: actor, reads: reads), ())
        }
    }

    /// Writes decided changes in one transaction, in order. Each must have been decided on the snapshot the
    /// previous one left (or on stored state); a stale one fails the whole batch with a conflict.
    public func commit(_ changes: [DecidedChange]) async throws(EngineError) {
        let snapshotChanges = changes.map { $0.change }
        try await storage { () async throws(StorageError) in try await store.commit(snapshotChanges) }
    }

    /// The person's snapshot, for callers that keep it in memory between changes.
    public func snapshot(of person: PersonID) async throws(EngineError) -> PersonSnapshot {
        guard let snapshot = try await storage({ () async throws(StorageError) in try await store.snapshot(person: person) }) else {
            throw EngineError(.unknownPerson, "no person with reference \(person)")
        }
        return snapshot
    }

    /// Recomputes each enrollment's step states, status and ball; bumps the revision of those that changed.
    /// Returns each enrollment's new plan, in the snapshot's order.
    func replan(_ snapshot: inout PersonSnapshot, touched: Set<EnrollmentID>) throws(EngineError) -> [JourneyPlan] {
        var plans: [JourneyPlan] = []
        plans.reserveCapacity(snapshot.enrollments.count)
        let now = clock()
        let facts = snapshot.factValues
        for index in snapshot.enrollments.indices {
            var enrollment = snapshot.enrollments[index]
            let journey = try definition(for: enrollment)
            // Each step's stored row is looked up once, for the plan and then to see what changed.
            let stored = journey.steps.map { enrollment.steps[$0.id] }
            let plan = JourneyPlanner.plan(journey, facts: facts, recorded: stored.map { $0?.progress })
            var changed = false
            for (position, status) in plan.steps.enumerated() {
                let old = stored[position]
                if old?.state != status.state || old?.progress != status.progress {
                    let since = old?.state == status.state ? old!.since : now
                    enrollment.steps[status.step] = StoredStep(progress: status.progress ?? old?.progress, state: status.state, since: since, due: old?.due,
                        expectedBy: old?.expectedBy, openedAt: StoredStep.openedAt(after: old, becoming: status.state, at: now))
                    changed = true
                }
            }
            if journey.hasTimedSteps, DeadlineCalculator.update(&enrollment, journey: journey, facts: facts) { changed = true }
            let completedAt = plan.status == .complete ? enrollment.completedAt ?? now : nil
            if plan.status != enrollment.status || plan.ball != enrollment.ball || completedAt != enrollment.completedAt { changed = true }
            enrollment.status = plan.status
            enrollment.ball = plan.ball
            enrollment.completedAt = completedAt
            // The body may have changed a step's progress itself (so the plan agrees with the row): compared in full then.
            if changed || touched.contains(enrollment.id) || enrollment != snapshot.enrollments[index] {
                enrollment.revision += 1
                enrollment.updatedAt = now
            }
            snapshot.enrollments[index] = enrollment
            plans.append(plan)
        }
        return plans
    }
}

/// Carries a decision's plans and output out of the store's transaction, which runs the decision on the store's own
/// thread or connection. Set at most once per attempt, read after the transaction returned.
final class DecisionOutcome<Output: Sendable>: Sendable {
    private let value = Mutex<(plans: [JourneyPlan], output: Output)?>(nil)

    func set(plans: [JourneyPlan], output: Output) { value.withLock { $0 = (plans, output) } }

    var result: (plans: [JourneyPlan], output: Output)? { value.withLock { $0 } }
}
