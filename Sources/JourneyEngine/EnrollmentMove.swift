import JourneyModel
import JourneyStore

/// What moving one enrollment to a newer version of its journey does, or why it stays where it is.
public struct EnrollmentMove: Hashable, Sendable {
    /// One old step whose recorded progress goes somewhere else (a renamed or split step) or leaves the current state
    /// (a removed step; its history keeps it).
    public struct StepChange: Hashable, Sendable {
        public let step: StepID
        public let move: VersionMigration.Move
        public let progress: StepProgress
    }

    /// Why an enrollment cannot be placed on the new version.
    public enum Hold: Hashable, Sendable {
        /// The agency has an open case at a step that is renamed, split or removed, and its answers name the old step.
        case openCase(step: StepID, move: VersionMigration.Move)
        /// The agency has an open case at a step the new version sends to another service.
        case serviceChanged(step: StepID)
        /// An application at a step that is renamed, split, removed or sent to another service has not reached the agency
        /// yet (the outbox retries it under the old step).
        case pendingSubmission(step: StepID)
        /// A step that would be done on the new version needs a fact the person has not given.
        case missingFact(step: StepID, fact: FactID)
    }

    public enum Outcome: Hashable, Sendable {
        /// It moves; the changes list the recorded progress that goes elsewhere (steps that keep their id are not listed).
        case moves([StepChange])
        /// It stays on its version, for these reasons.
        case stays([Hold])
    }

    public let enrollment: EnrollmentID
    public let person: PersonID
    public let from: Int
    public let to: Int
    public let outcome: Outcome

    public var moves: Bool { if case .moves = outcome { true } else { false } }
}

/// Plans moves: pure, reads nothing but what it is given.
enum MovePlanner {
    /// `pending` are the steps of this enrollment with an application still in the outbox.
    static func plan(_ enrollment: StoredEnrollment, facts: [FactID: FactValue], pending: Set<StepID> = [], from old: Journey, to target: Journey,
        mapping: VersionMigration) -> EnrollmentMove
    {
        var changes: [EnrollmentMove.StepChange] = []
        var holds: [EnrollmentMove.Hold] = []
        for id in pending.sorted() where mapping.move(of: id, into: target) != .renamed(id) || old.step(id)?.service != target.step(id)?.service {
            holds.append(.pendingSubmission(step: id))
        }
        for (id, stored) in enrollment.steps.sorted(by: { $0.key < $1.key }) {
            guard let progress = stored.progress else { continue }
            let move = mapping.move(of: id, into: target) ?? .removed
            let openCase: Bool
            switch progress {
            case .waitingOnAgency, .needsAction: openCase = true
            default: openCase = false
            }
            if move == .renamed(id) {
                if openCase, old.step(id)?.service != target.step(id)?.service { holds.append(.serviceChanged(step: id)) }
                continue
            }
            if openCase { holds.append(.openCase(step: id, move: move)) }
            changes.append(EnrollmentMove.StepChange(step: id, move: move, progress: progress))
        }
        let moved = steps(of: enrollment, mapping: mapping, into: target)
        for step in target.steps where moved[step.id]?.progress == .completed {
            for fact in step.needs {
                let known = facts[fact].map { value in target.fact(fact).map { value.conforms(to: $0.type) } ?? false } ?? false
                if !known { holds.append(.missingFact(step: step.id, fact: fact)) }
            }
        }
        return EnrollmentMove(enrollment: enrollment.id, person: enrollment.person, from: enrollment.journeyVersion, to: target.version,
            outcome: holds.isEmpty ? .moves(changes) : .stays(holds))
    }

    /// The enrollment's step rows as the new version names them: a renamed step's row (progress, state, since, due)
    /// under its new id, a split step's on every part, a removed step's gone. The engine re-plans them afterwards.
    static func steps(of enrollment: StoredEnrollment, mapping: VersionMigration, into target: Journey) -> [StepID: StoredStep] {
        var result: [StepID: StoredStep] = [:]
        for (id, stored) in enrollment.steps {
            switch mapping.move(of: id, into: target) ?? .removed {
            case .renamed(let new): result[new] = stored
            case .split(let parts): for part in parts { result[part] = stored }
            case .removed: continue
            }
        }
        return result
    }

    /// The `enrollmentMigrated` event's detail: the versions and each progress that went elsewhere, by step id and
    /// progress keyword only (no case references or messages).
    static func detail(_ move: EnrollmentMove) -> String {
        guard case .moves(let changes) = move.outcome else { return "version \(move.from) to \(move.to)" }
        return (["version \(move.from) to \(move.to)"] + changes.map(\.text)).joined(separator: "; ")
    }
}
