import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// One enrollment with every step's state and what can be done next, in one language.
struct EnrollmentDocument: JSONWritable {
    struct Step: Encodable {
        let id: String
        let title: String
        let state: String
        /// When the step entered its state.
        let since: Date?
        let group: String?
        /// The household member a repeated step's copy is for, such as `partner` or `child-2`; absent for the person's own.
        let member: String?
        let optional: Bool
        let service: String?
        /// Why a locked or not-applicable step is so: `conditionNotMet`, `notInHousehold`, `undecided`, `waitingFor`, `alternativeChosen`,
        /// `needsFacts`.
        let reason: String?
        let waitingFor: [String]?
        let missingFacts: [String]?
        /// The agency's case reference, its message to the person, or the reason for a rejection.
        let detail: String?
        /// When the step is due, and how it stands at the moment of the answer: `due`, `soon` or `overdue`.
        let due: Date?
        let dueStanding: String?
        /// While the step waits on the agency: when the agency's expected processing time runs out, and whether it has.
        let expectedBy: Date?
        let overdueAtAgency: Bool?
    }

    /// What the person says where they dispute a fact an agency supplied; the agency's value stays the fact.
    struct Claim: Encodable {
        let fact: String
        /// What the person says, in the fact's stored form.
        let value: String
        /// `person` (answered) or `step` (reported on completing a step).
        let source: String
        let recordedAt: Date
    }

    struct Action: Encodable {
        /// `answer`, `start`, `finish`, `respond` or `wait`.
        let kind: String
        let step: String?
        let fact: String?
    }

    let id: String
    let person: String
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
    /// `nil` when the person disputes nothing.
    let claims: [Claim]?
    /// While the agencies are the sandbox: that no real agency is contacted, in the document's language.
    let practice: String?

    init(_ view: EnrollmentView, language: Language, now: Date, practice: String? = nil) {
        self.practice = practice
        let enrollment = view.enrollment
        id = enrollment.id.rawValue
        person = enrollment.person.rawValue
        journey = enrollment.journey.rawValue
        journeyVersion = enrollment.journeyVersion
        title = view.journey.title[language]
        status = enrollment.status.rawValue
        ball = enrollment.ball.rawValue
        revision = enrollment.revision
        createdAt = enrollment.createdAt
        updatedAt = enrollment.updatedAt
        completedAt = enrollment.completedAt
        steps = view.plan.shownSteps.map { status in
            let definition = view.journey.step(status.step)
            let (reason, waitingFor, missingFacts) = Self.explain(status.reason)
            let stored = enrollment.steps[status.step]
            let due = stored?.due
            return Step(id: status.step.rawValue, title: definition?.title[language] ?? status.step.rawValue, state: status.state.rawValue,
                since: enrollment.steps[status.step]?.since, group: definition?.group?.rawValue, member: definition?.member?.key, optional: definition?.optional ?? false,
                service: definition?.service?.rawValue, reason: reason, waitingFor: waitingFor, missingFacts: missingFacts, detail: status.progress?.detail,
                due: due, dueStanding: DueStanding(due: due, now: now)?.rawValue, expectedBy: stored?.expectedBy,
                overdueAtAgency: stored?.expectedBy == nil ? nil : AgencyDelay.isOverdue(stored, now: now))
        }
        claims = view.claims.isEmpty ? nil : view.claims.sorted { $0.key < $1.key }.map { fact, claim in
            Claim(fact: fact.rawValue, value: claim.value.canonical, source: claim.source.kind, recordedAt: claim.recordedAt)
        }
        nextActions = view.plan.nextActions.map { action in
            switch action {
            case .answer(let fact): Action(kind: "answer", step: nil, fact: fact.rawValue)
            case .start(let step): Action(kind: "start", step: step.rawValue, fact: nil)
            case .finish(let step): Action(kind: "finish", step: step.rawValue, fact: nil)
            case .respond(let step): Action(kind: "respond", step: step.rawValue, fact: nil)
            case .wait(let step): Action(kind: "wait", step: step.rawValue, fact: nil)
            }
        }
    }

    func write(to output: inout JSONOutput) {
        output.object { output in
            output.field("ball", ball)
            if let claims {
                output.key("claims")
                output.array(claims) { output, claim in
                    output.object { output in
                        output.field("fact", claim.fact)
                        output.field("recordedAt", claim.recordedAt)
                        output.field("source", claim.source)
                        output.field("value", claim.value)
                    }
                }
            }
            output.field("completedAt", completedAt)
            output.field("createdAt", createdAt)
            output.field("id", id)
            output.field("journey", journey)
            output.field("journeyVersion", journeyVersion)
            output.key("nextActions")
            output.array(nextActions) { output, action in
                output.object { output in
                    output.field("fact", action.fact)
                    output.field("kind", action.kind)
                    output.field("step", action.step)
                }
            }
            output.field("person", person)
            output.field("practice", practice)
            output.field("revision", revision)
            output.field("status", status)
            output.key("steps")
            output.array(steps) { output, step in
                output.object { output in
                    output.field("detail", step.detail)
                    output.field("due", step.due)
                    output.field("dueStanding", step.dueStanding)
                    output.field("expectedBy", step.expectedBy)
                    output.field("group", step.group)
                    output.field("id", step.id)
                    output.field("member", step.member)
                    output.field("missingFacts", step.missingFacts)
                    output.field("optional", step.optional)
                    if let overdue = step.overdueAtAgency { output.field("overdueAtAgency", overdue) }
                    output.field("reason", step.reason)
                    output.field("service", step.service)
                    output.field("since", step.since)
                    output.field("state", step.state)
                    output.field("title", step.title)
                    output.field("waitingFor", step.waitingFor)
                }
            }
            output.field("title", title)
            output.field("updatedAt", updatedAt)
        }
    }

    private static func explain(_ reason: StateReason?) -> (String?, [String]?, [String]?) {
        switch reason {
        case .conditionNotMet: ("conditionNotMet", nil, nil)
        case .notInHousehold: ("notInHousehold", nil, nil)
        case .undecided(let facts): ("undecided", nil, facts.sorted().map(\.rawValue))
        case .waitingFor(let steps): ("waitingFor", steps.map(\.rawValue), nil)
        case .alternativeChosen(let step): ("alternativeChosen", [step.rawValue], nil)
        case .needsFacts(let facts): ("needsFacts", nil, facts.map(\.rawValue))
        case nil: (nil, nil, nil)
        }
    }
}

/// A person's journeys across the catalogue: their reference, whether an identity number is linked (never the
/// number), and every enrollment.
struct PersonDocument: JSONWritable {
    let id: String
    let identityLinked: Bool
    let enrollments: [EnrollmentDocument]

    func write(to output: inout JSONOutput) {
        output.object { output in
            output.key("enrollments")
            output.array(enrollments) { output, enrollment in enrollment.write(to: &output) }
            output.field("id", id)
            output.field("identityLinked", identityLinked)
        }
    }
}

/// One page of a caseworker list.
struct EnrollmentListDocument: Encodable {
    struct Step: Encodable {
        let id: String
        let state: String
        let since: Date
        /// In a list of due steps: when the step is due.
        let due: Date?
    }

    struct Item: Encodable {
        let id: String
        let person: String
        let journey: String
        let journeyVersion: Int
        let status: String
        let ball: String
        let revision: Int
        let createdAt: Date
        let updatedAt: Date
        let completedAt: Date?
        /// With a step filter: that step's state and since when.
        let step: Step?
    }

    let items: [Item]
    /// Pass as `cursor` for the next page; absent on the last page.
    let nextCursor: String?

    /// `filters` is the list's ``PageCursor/filters(of:days:)``, which the next page's cursor is bound to.
    init(_ page: EnrollmentPage, filters: String) {
        items = page.items.map { item in
            Item(id: item.id.rawValue, person: item.person.rawValue, journey: item.journey.rawValue, journeyVersion: item.journeyVersion,
                status: item.status.rawValue, ball: item.ball.rawValue, revision: item.revision, createdAt: item.createdAt, updatedAt: item.updatedAt,
                completedAt: item.completedAt, step: item.step.map { Step(id: $0.id.rawValue, state: $0.state.rawValue, since: $0.since, due: $0.due) })
        }
        nextCursor = page.next.map { PageCursor.encode($0, filters: filters) }
    }
}
