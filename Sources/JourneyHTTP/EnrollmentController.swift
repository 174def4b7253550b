import HTTPTypes
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// `/v1/enrollments`: a citizen starts a journey, records facts and moves steps; a caseworker reads. Every change
/// goes through the same engine calls, validation and errors as the command line.
struct EnrollmentController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.post(use: start)
        routes.get("{enrollmentId}", use: show)
        routes.post("{enrollmentId}/facts", use: answer)
        routes.post("{enrollmentId}/steps/{stepId}/start") { request, context in try await step(.start, request, context) }
        routes.post("{enrollmentId}/steps/{stepId}/complete") { request, context in try await step(.complete, request, context) }
        routes.post("{enrollmentId}/steps/{stepId}/skip") { request, context in try await step(.skip, request, context) }
        return routes
    }

    struct StartBody: StrictDecodable {
        let journey: String
        enum CodingKeys: String, CodingKey, CaseIterable { case journey }
    }

    struct FactsBody: StrictDecodable {
        let answers: [String: AnswerValue]
        enum CodingKeys: String, CodingKey, CaseIterable { case answers }
    }

    struct CompleteBody: StrictDecodable {
        /// Facts the step produced, such as the personnummer from registration.
        let facts: [String: AnswerValue]?
        enum CodingKeys: String, CodingKey, CaseIterable { case facts }
    }

    /// A body with no fields (`{}`), for commands that take none.
    struct EmptyBody: StrictDecodable {
        struct CodingKeys: CodingKey, CaseIterable {
            static var allCases: [CodingKeys] { [] }
            var stringValue: String { "" }
            var intValue: Int? { nil }
            init?(stringValue: String) { nil }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {}
    }

    /// Starts a journey for the token's citizen, or returns the one already started (idempotent): 201 or 200. A guardian
    /// naming their child in `Lotsen-Guardian-For` starts it for the child.
    @Sendable func start(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        var principal = try await services.require([.citizen], "start a journey; only the person does", context: context, request: request)
        let body = try await request.decodeStrict(StartBody.self)
        guard !body.journey.isEmpty else { throw APIError.badRequest("invalidField", "'journey' must not be empty", field: "journey") }
        let reference: PersonReference
        if let named = request.headers[APIServices.guardianHeader] {
            let child = PersonID(named)
            guard let guardian = try await services.actingAsGuardian(of: child, by: principal, request: request) else {
                await services.recordRefusal(.forbidden("a citizen's token starts journeys only for themselves or a child in their custody"),
                    principal: principal, subject: .person(child), context: context, request: request)
                throw APIError.unknownPerson(child)
            }
            principal = guardian
            reference = .id(child)
        } else if let person = principal.person {
            reference = .id(person)
        } else if let identity = principal.identity {
            reference = .identity(identity)
        } else {
            throw APIError.forbidden("this token names no person")
        }
        let view = try await services.engine.enroll(reference, in: JourneyID(body.journey), representation: principal.representation)
        let document = try await services.document(after: view, language: request.preferredLanguage)
        // A token naming the citizen by number may have had no reference until now: the journey is theirs all the same.
        // A guardian stays the guardian: the entry is theirs, acting for the child.
        let actor = principal.representation == nil ? principal.naming(view.enrollment.person) : principal
        try await services.journalAccess(.change, of: [view.enrollment.person], by: actor,
            journey: view.enrollment.journey, context: context, request: request)
        var headers = services.languageHeaders(request.preferredLanguage, journeys: [view.enrollment.journey])
        headers[.location] = "/v1/enrollments/\(view.enrollment.id)"
        return JSONBody.response(document, status: view.created ? .created : .ok, headers: headers)
    }

    /// One enrollment with every step's state and the next actions.
    @Sendable func show(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let caller = try await services.require([.citizen, .caseworker, .counter], "read journeys", context: context, request: request)
        let loaded = try await services.loadEnrollment(context)
        let principal = try await services.authorizeRead(of: loaded.enrollment.person, by: caller, covering: services.covers(loaded.enrollment),
            guardians: true, hidden: .unknownEnrollment(loaded.enrollment.id), context: context, request: request)
        let document = try await services.document(of: loaded, language: request.preferredLanguage)
        try await services.journalAccess(.read, of: [loaded.enrollment.person], by: principal, journey: loaded.enrollment.journey, context: context,
            request: request)
        return JSONBody.response(document, headers: services.languageHeaders(request.preferredLanguage, journeys: [loaded.enrollment.journey]))
    }

    /// Records answers, all or nothing, as `lotsen answer` does.
    @Sendable func answer(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let caller = try await services.require([.citizen, .counter], "record facts; only the person does", context: context, request: request)
        let enrollment = try await services.enrollment(context)
        let principal = try await services.authorizeChange(of: enrollment.person, by: caller, covering: services.covers(enrollment),
            guardians: true, hidden: .unknownEnrollment(enrollment.id), context: context, request: request)
        let body = try await request.decodeStrict(FactsBody.self)
        guard !body.answers.isEmpty else { throw APIError.badRequest("invalidField", "give at least one answer", field: "answers") }
        let answers = body.answers.sorted { $0.key < $1.key }.map { (fact: FactID($0.key), text: $0.value.text) }
        let overview: PersonOverview
        do {
            overview = try await services.engine.answer(person: enrollment.person, journey: enrollment.journey, answers: answers,
                actor: principal.eventActor, identityClaims: false, representation: principal.representation)
        } catch {
            throw APIError(error, fieldPrefix: "answers")
        }
        guard let view = overview.enrollments.first(where: { $0.enrollment.id == enrollment.id }) else {
            throw APIError.unknownEnrollment(enrollment.id)
        }
        let document = try await services.document(after: view, language: request.preferredLanguage)
        try await services.journalAccess(.change, of: [enrollment.person], by: principal, journey: enrollment.journey, context: context, request: request)
        return JSONBody.response(document, headers: services.languageHeaders(request.preferredLanguage, journeys: [enrollment.journey]))
    }

    /// Starts, completes or skips a step, as `lotsen begin|complete|skip` do.
    func step(_ command: StepCommand, _ request: Request, _ context: LotsenRequestContext) async throws -> Response {
        let caller = try await services.require([.citizen, .counter], "\(command.verb) steps; only the person does", context: context, request: request)
        let enrollment = try await services.enrollment(context)
        let step = StepID(try context.pathParameter("stepId"))
        let principal = try await services.authorizeChange(of: enrollment.person, by: caller, covering: services.covers(step, of: enrollment),
            guardians: true, hidden: .unknownEnrollment(enrollment.id), context: context, request: request)
        var produced: [(fact: FactID, text: String)] = []
        if command == .complete {
            let facts = try await request.decodeStrictIfPresent(CompleteBody.self)?.facts ?? [:]
            produced = facts.sorted { $0.key < $1.key }.map { (fact: FactID($0.key), text: $0.value.text) }
        } else {
            _ = try await request.decodeStrictIfPresent(EmptyBody.self)
        }
        let view: EnrollmentView
        do {
            view = try await services.engine.apply(command, step: step, person: enrollment.person, journey: enrollment.journey, produced: produced,
                actor: principal.eventActor, representation: principal.representation)
        } catch {
            throw APIError(error, fieldPrefix: "facts")
        }
        let document = try await services.document(after: view, language: request.preferredLanguage)
        try await services.journalAccess(.change, of: [enrollment.person], by: principal, journey: enrollment.journey, step: step, context: context,
            request: request)
        return JSONBody.response(document, headers: services.languageHeaders(request.preferredLanguage, journeys: [enrollment.journey]))
    }
}

extension APIServices {
    /// What a mandate must cover to read or answer in `enrollment`: its journey, or a service one of its steps uses.
    func covers(_ enrollment: StoredEnrollment) -> (Mandate) -> Bool {
        let services = library.journey(enrollment.journey)?.steps.compactMap(\.service) ?? []
        return { $0.covers(journey: enrollment.journey, services: services) }
    }

    /// What a mandate must cover to move `step` of `enrollment`: its journey, or the step's service.
    func covers(_ step: StepID, of enrollment: StoredEnrollment) -> (Mandate) -> Bool {
        let service = library.journey(enrollment.journey)?.step(step)?.service
        return { $0.covers(journey: enrollment.journey, step: service) }
    }

    /// An enrollment with its person's snapshot, as one read found them.
    struct LoadedEnrollment {
        let enrollment: StoredEnrollment
        let snapshot: PersonSnapshot
        let hasPendingAgencyEvents: Bool
    }

    /// The enrollment named by the route's `enrollmentId` (its row only: a change reads the person in its own
    /// write transaction), or 404.
    func enrollment(_ context: LotsenRequestContext) async throws -> StoredEnrollment {
        let id = try context.pathParameter("enrollmentId")
        guard let enrollment = try await store.enrollment(id: EnrollmentID(id)) else {
            throw APIError.unknownEnrollment(EnrollmentID(id))
        }
        return enrollment
    }

    /// The enrollment named by the route's `enrollmentId`, with its person's snapshot, in one read; or 404.
    func loadEnrollment(_ context: LotsenRequestContext) async throws -> LoadedEnrollment {
        let id = EnrollmentID(try context.pathParameter("enrollmentId"))
        // An unknown enrollment is the engine's `unknownEnrollment`, a 404 like the one below.
        let loaded = try await engine.snapshot(containing: id, events: store)
        guard let enrollment = loaded.snapshot.enrollments.first(where: { $0.id == id }) else {
            throw APIError.unknownEnrollment(id)
        }
        return LoadedEnrollment(enrollment: enrollment, snapshot: loaded.snapshot, hasPendingAgencyEvents: loaded.hasPendingAgencyEvents)
    }

    /// The loaded enrollment as the API shows it; agency events waiting for the person are applied first, and
    /// only then is the person read again.
    func document(of loaded: LoadedEnrollment, language: Language) async throws -> EnrollmentDocument {
        guard loaded.hasPendingAgencyEvents else {
            return EnrollmentDocument(try await engine.view(of: loaded.enrollment, in: loaded.snapshot), language: language, now: engine.now,
                practice: practiceNotice(language))
        }
        try await engine.applyPendingAgencyEvents(person: loaded.enrollment.person, events: store)
        return try await storedDocument(of: loaded.enrollment.id, person: loaded.enrollment.person, language: language)
    }

    /// The enrollment a change left, after applying agency events the change let through (their steps unlocked).
    func document(after view: EnrollmentView, language: Language) async throws -> EnrollmentDocument {
        let resolved = try await engine.applyPendingAgencyEvents(person: view.enrollment.person, events: store)
        guard !resolved.isEmpty else { return EnrollmentDocument(view, language: language, now: engine.now, practice: practiceNotice(language)) }
        return try await storedDocument(of: view.enrollment.id, person: view.enrollment.person, language: language)
    }

    /// The enrollment as stored now: read again after agency events changed the person.
    private func storedDocument(of id: EnrollmentID, person: PersonID, language: Language) async throws -> EnrollmentDocument {
        let snapshot = try await engine.snapshot(of: person)
        guard let enrollment = snapshot.enrollments.first(where: { $0.id == id }) else {
            throw APIError.unknownEnrollment(id)
        }
        return EnrollmentDocument(try await engine.view(of: enrollment, in: snapshot), language: language, now: engine.now,
            practice: practiceNotice(language))
    }
}
