import Foundation
import JourneyEngine
import JourneyModel

/// `lotsen migrate-enrollments --json`: each enrollment's move or why it stays, by reference and step id only.
struct MigrationDocument: Encodable {
    struct Change: Encodable {
        let step: String
        /// `renamed`, `split` or `removed`.
        let move: String
        /// The new step ids: one for a rename, the parts of a split, none for a removal.
        let to: [String]
        let progress: String
    }

    struct Reason: Encodable {
        /// `openCase`, `serviceChanged`, `pendingSubmission` or `missingFact`.
        let code: String
        let step: String
        let fact: String?
        let message: String
    }

    struct Enrollment: Encodable {
        let id: String
        let from: Int
        /// `moves` (a dry run), `moved`, or `stays`.
        let outcome: String
        let changes: [Change]
        let reasons: [Reason]
    }

    let journey: String
    let to: Int
    let dryRun: Bool
    var enrollments: [Enrollment] = []
    var moved = 0
    var stayed = 0
    let finished: Int
    /// Problems with the mapping, compiler style; nothing moved when there are any.
    var diagnostics: [String] = []

    mutating func add(_ move: EnrollmentMove) {
        switch move.outcome {
        case .moves(let changes):
            moved += 1
            enrollments.append(Enrollment(id: move.enrollment.rawValue, from: move.from, outcome: dryRun ? "moves" : "moved",
                changes: changes.map(Self.change), reasons: []))
        case .stays(let holds):
            stayed += 1
            enrollments.append(Enrollment(id: move.enrollment.rawValue, from: move.from, outcome: "stays", changes: [], reasons: holds.map(Self.reason)))
        }
    }

    private static func change(_ change: EnrollmentMove.StepChange) -> Change {
        let (kind, targets): (String, [StepID]) =
            switch change.move {
            case .renamed(let new): ("renamed", [new])
            case .split(let parts): ("split", parts)
            case .removed: ("removed", [])
            }
        return Change(step: change.step.rawValue, move: kind, to: targets.map(\.rawValue), progress: change.progress.keyword)
    }

    private static func reason(_ hold: EnrollmentMove.Hold) -> Reason {
        switch hold {
        case .openCase(let step, _): Reason(code: "openCase", step: step.rawValue, fact: nil, message: hold.text)
        case .serviceChanged(let step): Reason(code: "serviceChanged", step: step.rawValue, fact: nil, message: hold.text)
        case .pendingSubmission(let step): Reason(code: "pendingSubmission", step: step.rawValue, fact: nil, message: hold.text)
        case .missingFact(let step, let fact): Reason(code: "missingFact", step: step.rawValue, fact: fact.rawValue, message: hold.text)
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
