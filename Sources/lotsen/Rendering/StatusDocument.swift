import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen status --json`: a stable, camelCase JSON document of a person's journeys for scripts.
struct StatusDocument: Encodable {
    struct Person: Encodable {
        let reference: String
        let identityLinked: Bool
    }

    struct Fact: Encodable {
        let id: String
        let type: String
        /// Omitted for identity numbers, which are never echoed.
        let value: String?
        let source: String
        let sourceReference: String?
        let recordedAt: Date
    }

    struct Step: Encodable {
        let id: String
        let title: String
        let state: String
        let group: String?
        let optional: Bool
        let reason: String?
        let waitingFor: [String]?
        let missingFacts: [String]?
        let detail: String?
        /// When the step is due, and `due`, `soon` or `overdue`.
        let due: Date?
        let dueStanding: String?
        /// While the step waits on the agency: when its expected processing time runs out, and whether it has.
        let expectedBy: Date?
        let overdueAtAgency: Bool?
    }

    struct Action: Encodable {
        let kind: String
        let step: String?
        let fact: String?
    }

    struct Enrollment: Encodable {
        let id: String
        let journey: String
        let journeyVersion: Int
        let title: String
        let status: String
        let ball: String
        let revision: Int
        let createdAt: Date
        let updatedAt: Date
        let completedAt: Date?
        let steps: [Step]
        let nextActions: [Action]
    }

    let person: Person
    let facts: [Fact]
    let enrollments: [Enrollment]

    init(_ overview: PersonOverview, language: Language, now: Date) {
        person = Person(reference: overview.person.id.rawValue, identityLinked: overview.person.identity != nil)
        facts = overview.facts.sorted { $0.key < $1.key }.map { id, fact in
            let hidden: Bool = switch fact.value {
                case .personnummer, .organisationsnummer: true
                default: false
                }
            return Fact(id: id.rawValue, type: fact.value.typeKeyword, value: hidden ? nil : fact.value.canonical, source: fact.source.kind,
                sourceReference: fact.source.reference, recordedAt: fact.recordedAt)
        }
        enrollments = overview.enrollments.map { view in
                let steps = view.plan.shownSteps.map { status -> Step in
                let definition = view.journey.step(status.step)
                var reason: String?
                var waiting: [String]?
                var missing: [String]?
                switch status.reason {
                case .conditionNotMet: reason = "conditionNotMet"
                case .notInHousehold: reason = "notInHousehold"
                case .undecided(let facts): reason = "undecided"; missing = facts.sorted().map(\.rawValue)
                case .waitingFor(let steps): reason = "waitingFor"; waiting = steps.map(\.rawValue)
                case .alternativeChosen(let step): reason = "alternativeChosen"; waiting = [step.rawValue]
                case .needsFacts(let facts): reason = "needsFacts"; missing = facts.map(\.rawValue)
                case nil: break
                }
                return Step(id: status.step.rawValue, title: definition?.title[language] ?? status.step.rawValue, state: status.state.rawValue,
                    group: definition?.group?.rawValue, optional: definition?.optional ?? false, reason: reason, waitingFor: waiting,
                    missingFacts: missing, detail: status.progress?.detail, due: view.enrollment.steps[status.step]?.due,
                    dueStanding: DueStanding(due: view.enrollment.steps[status.step]?.due, now: now)?.rawValue,
                    expectedBy: view.enrollment.steps[status.step]?.expectedBy,
                    overdueAtAgency: view.enrollment.steps[status.step]?.expectedBy == nil ? nil : AgencyDelay.isOverdue(view.enrollment.steps[status.step], now: now))
            }
            let actions = view.plan.nextActions.map { action -> Action in
                switch action {
                case .answer(let fact): Action(kind: "answer", step: nil, fact: fact.rawValue)
                case .start(let step): Action(kind: "start", step: step.rawValue, fact: nil)
                case .finish(let step): Action(kind: "finish", step: step.rawValue, fact: nil)
                case .respond(let step): Action(kind: "respond", step: step.rawValue, fact: nil)
                case .wait(let step): Action(kind: "wait", step: step.rawValue, fact: nil)
                }
            }
            let enrollment = view.enrollment
            return Enrollment(id: enrollment.id.rawValue, journey: enrollment.journey.rawValue, journeyVersion: enrollment.journeyVersion,
                title: view.journey.title[language], status: enrollment.status.rawValue, ball: enrollment.ball.rawValue,
                revision: enrollment.revision, createdAt: enrollment.createdAt, updatedAt: enrollment.updatedAt,
                completedAt: enrollment.completedAt, steps: steps, nextActions: actions)
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
