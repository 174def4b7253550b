import Foundation
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// A caseworker list as asked for in the API's parameters (`journey`, `step`, `stepState`, `status`, `ball`,
/// `unchangedForDays`, `due`, `limit`, `cursor`): parsed in one place for `GET /v1/enrollments` and the web view's
/// list, so both ask the store the same indexed query and refuse the same mistakes.
struct EnrollmentListRequest {
    let journey: Journey
    let query: EnrollmentQuery
    /// The fingerprint of the filters a cursor is bound to (``PageCursor``).
    let filters: String
    let cursor: EnrollmentCursor?
    /// `unchangedForDays` and `due` as given.
    let days: Int?
    let due: String?

    /// The values of `due`: past due, due within a week, every step with a due date (the list sorted by due date),
    /// and cases past the agency's expected processing time.
    static let dueValues = ["overdue", "soon", "any", "overdueAtAgency"]

    /// `values(name)` is every value given for the parameter `name`.
    init(values: (String) -> [String], library: JourneyLibrary, now: Date) throws {
        func value(_ name: String) throws -> String? {
            let given = values(name)
            guard given.count <= 1 else { throw APIError.badRequest("invalidParameter", "give '\(name)' once", field: name) }
            return given.first
        }
        func parsed<T>(_ name: String, _ parse: (String) -> T?, expected: String) throws -> T? {
            guard let text = try value(name) else { return nil }
            guard let result = parse(text) else { throw APIError.badRequest("invalidParameter", "'\(name)' must be \(expected)", field: name) }
            return result
        }
        guard let journeyID = try value("journey"), !journeyID.isEmpty else {
            throw APIError.badRequest("missingParameter", "name the journey: lists are served per journey", field: "journey")
        }
        guard let journey = library.journey(JourneyID(journeyID)) else {
            throw APIError(.notFound, "unknownJourney", "no journey '\(journeyID)'", hint: "list the journeys at /v1/journeys")
        }
        var query = EnrollmentQuery(journey: journey.id)
        if let step = try value("step") {
            guard !step.isEmpty else { throw APIError.badRequest("invalidParameter", "'step' must not be empty", field: "step") }
            guard journey.step(StepID(step)) != nil else {
                throw APIError.unprocessable("no step '\(step)' in '\(journey.id)'", field: "step")
            }
            query.step = StepID(step)
        }
        let listable = StepState.listable
        query.stepState = try parsed("stepState", { StepState(rawValue: $0).flatMap { listable.contains($0) ? $0 : nil } },
            expected: "one of " + listable.map(\.rawValue).joined(separator: ", "))
        if query.stepState != nil, query.step == nil {
            throw APIError.badRequest("invalidParameter", "'stepState' needs 'step'", field: "stepState")
        }
        query.status = try parsed("status", EnrollmentStatus.init(rawValue:), expected: "active, complete or blocked")
        query.ball = try parsed("ball", BallHolder.init(rawValue:), expected: "person, agency or nobody")
        let days = try parsed("unchangedForDays", { Int($0).flatMap { (0...3650).contains($0) ? $0 : nil } }, expected: "a whole number of days from 0 to 3650")
        if let days {
            query.unchangedSince = now.addingTimeInterval(-Double(days) * 86_400)
        }
        let due = try parsed("due", { Self.dueValues.contains($0) ? $0 : nil }, expected: "overdue, soon, any or overdueAtAgency")
        if let due {
            if query.stepState != nil || days != nil {
                throw APIError.badRequest("invalidParameter", "'due' cannot be combined with 'stepState' or 'unchangedForDays'", field: "due")
            }
            query.due = switch due {
                case "overdue": .overdue(at: now)
                case "soon": .soon(at: now, within: DueStanding.soonWindow)
                case "any": .any
                default: .overdueAtAgency(at: now)
                }
        }
        query.limit = try parsed("limit", { Int($0).flatMap { (1...APILimits.maxPageSize).contains($0) ? $0 : nil } },
            expected: "a whole number from 1 to \(APILimits.maxPageSize)") ?? APILimits.defaultPageSize
        let filters = PageCursor.filters(of: query, days: days, due: due)
        self.journey = journey
        self.query = query
        self.filters = filters
        self.days = days
        self.due = due
        self.cursor = try value("cursor").map { text throws(APIError) in try PageCursor.decode(text, filters: filters) }
    }

    /// The page, with one journal entry for each person on it: every person a caseworker sees on a list had their
    /// enrollment read.
    func page(services: APIServices, principal: Principal, context: LotsenRequestContext, request: Request) async throws -> EnrollmentPage {
        let page = try await services.store.enrollmentPage(query, after: cursor)
        var seen: Set<PersonID> = []
        let people = page.items.map(\.person).filter { seen.insert($0).inserted }
        try await services.journalAccess(.read, of: people, by: principal, journey: journey.id, context: context, request: request)
        return page
    }
}
