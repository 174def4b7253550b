import Foundation
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// `/v1/people/{personId}/…`: what Lotsen holds about a person and who touched it: their access journal, their facts
/// with where each came from, their consents, and their news (reminders of due steps). The person reads and withdraws; a caseworker reads; another
/// citizen gets the 404 of an unknown person; an agency gets 403. Every read is itself journaled.
struct PersonDataController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.get("{personId}/journal", use: journal)
        routes.get("{personId}/facts", use: facts)
        routes.get("{personId}/consents", use: consents)
        routes.post("{personId}/consents/{consentId}/withdraw", use: withdraw)
        routes.get("{personId}/news", use: news)
        routes.post("{personId}/news/{newsId}/read", use: markRead)
        return routes
    }

    static let journalParameters: Set<String> = ["limit", "cursor"]

    /// `GET /v1/people/{personId}/journal`: every read, change and refused attempt on the person's data, and every
    /// exchange with an agency, oldest first, a page at a time.
    @Sendable func journal(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let (principal, person) = try await services.readablePerson("read a person's journal", context: context, request: request)
        let parameters = request.uri.queryParameters
        if let unknown = parameters.map({ String($0.key) }).sorted().first(where: { !Self.journalParameters.contains($0) }) {
            throw APIError.badRequest("unknownParameter", "'\(unknown)' is not a parameter of this list", field: unknown)
        }
        func value(_ name: String) throws -> String? {
            let values = parameters[values: Substring(name)]
            guard values.count <= 1 else { throw APIError.badRequest("invalidParameter", "give '\(name)' once", field: name) }
            return values.first.map(String.init)
        }
        var limit = APILimits.defaultPageSize
        if let text = try value("limit") {
            guard let parsed = Int(text), (1...APILimits.maxPageSize).contains(parsed) else {
                throw APIError.badRequest("invalidParameter", "'limit' must be a whole number from 1 to \(APILimits.maxPageSize)", field: "limit")
            }
            limit = parsed
        }
        var after: Int64 = 0
        if let text = try value("cursor") { after = try JournalCursor.decode(text, person: person) }
        let entries = try await services.store.journal(person: person, after: after, limit: limit + 1)
        let page = Array(entries.prefix(limit))
        let next = entries.count > limit ? page.last.map { JournalCursor.encode($0.sequence, person: person) } : nil
        try await services.journalAccess(.read, of: [person], by: principal, context: context, request: request)
        return JSONBody.response(JournalDocument(items: page.map(JournalDocument.Entry.init), nextCursor: next))
    }

    /// `GET /v1/people/{personId}/facts`: what Lotsen knows about the person, each fact with its source.
    @Sendable func facts(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let (principal, person) = try await services.readablePerson("read a person's facts", context: context, request: request)
        let snapshot = try await services.engine.snapshot(of: person)
        let document = FactsDocument(person: person.rawValue, facts: snapshot.facts.sorted { $0.key < $1.key }.map(FactsDocument.Fact.init))
        try await services.journalAccess(.read, of: [person], by: principal, context: context, request: request)
        return JSONBody.response(document)
    }

    /// `GET /v1/people/{personId}/consents`: every consent the person gave or refused, oldest first.
    @Sendable func consents(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let (principal, person) = try await services.readablePerson("read a person's consents", context: context, request: request)
        let consents = try await ConsentBook(store: services.store, clock: services.clock).consents(of: person)
        try await services.journalAccess(.read, of: [person], by: principal, context: context, request: request)
        return JSONBody.response(ConsentListDocument(items: consents.map(ConsentDocument.init)))
    }

    /// `POST /v1/people/{personId}/consents/{consentId}/withdraw`: as `lotsen consent withdraw`; only the person does.
    @Sendable func withdraw(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let principal = try await services.require([.citizen], "withdraw consents; only the person does", context: context, request: request)
        let person = try services.personParameter(context)
        _ = try await services.authorizeChange(of: person, by: principal, hidden: .unknownPerson(person), context: context, request: request)
        _ = try await request.decodeStrictIfPresent(EnrollmentController.EmptyBody.self)
        let id = try context.pathParameter("consentId")
        let book = ConsentBook(store: services.store, clock: services.clock)
        guard try await book.consents(of: person).contains(where: { $0.id == id }) else {
            throw APIError(.notFound, "unknownConsent", "no consent '\(id)'", hint: "list them at GET /v1/people/\(person)/consents")
        }
        let withdrawn = try await book.withdraw(id, of: person)
        try await services.journalAccess(.change, of: [person], by: principal, journey: withdrawn.journey, step: withdrawn.step, context: context,
            request: request)
        return JSONBody.response(ConsentDocument(withdrawn))
    }

    /// `GET /v1/people/{personId}/news`: the person's reminders of due-soon and overdue steps, newest first.
    @Sendable func news(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let (principal, person) = try await services.readablePerson("read a person's news", context: context, request: request)
        let reminders = try await services.store.reminders(of: person)
        try await services.journalAccess(.read, of: [person], by: principal, context: context, request: request)
        return JSONBody.response(NewsDocument(items: reminders.map(NewsDocument.Item.init)))
    }

    /// `POST /v1/people/{personId}/news/{newsId}/read`: marks a reminder read; only the person does. Marking one
    /// already read changes nothing and answers the same.
    @Sendable func markRead(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let principal = try await services.require([.citizen], "mark news read; only the person does", context: context, request: request)
        let person = try services.personParameter(context)
        try await services.authorizeChange(of: person, by: principal, hidden: .unknownPerson(person), context: context, request: request)
        _ = try await request.decodeStrictIfPresent(EnrollmentController.EmptyBody.self)
        let id = try context.pathParameter("newsId")
        guard let number = Int64(id), let reminder = try await services.store.markReminderRead(number, of: person, at: services.clock()) else {
            throw APIError(.notFound, "unknownNews", "no news '\(id)'", hint: "list them at GET /v1/people/\(person)/news")
        }
        try await services.journalAccess(.change, of: [person], by: principal, journey: reminder.journey, step: reminder.step, context: context,
            request: request)
        return JSONBody.response(NewsDocument.Item(reminder))
    }
}

extension APIServices {
    /// The route's `personId`, a Lotsen reference; 400 for anything else (people are never named by personnummer in a
    /// path: paths end up in logs and browser histories).
    func personParameter(_ context: LotsenRequestContext) throws -> PersonID {
        let id = try context.pathParameter("personId")
        guard id.hasPrefix(PersonReference.idPrefix) else {
            throw APIError.badRequest("invalidParameter", "name the person by their Lotsen reference (lp-...)", field: "personId")
        }
        return PersonID(id)
    }

    /// The principal and the person of a read of `personId`'s data: the person themself, a caseworker, or a guardian of
    /// the child (`Lotsen-Guardian-For`, the principal then acting as guardian), and a person who exists (404
    /// otherwise, the same 404 another citizen gets).
    func readablePerson(_ action: String, context: LotsenRequestContext, request: Request) async throws -> (Principal, PersonID) {
        let principal = try await require([.citizen, .caseworker], action, context: context, request: request)
        let person = try personParameter(context)
        let acting = try await authorizeRead(of: person, by: principal, guardians: true, hidden: .unknownPerson(person), context: context,
            request: request)
        guard try await store.person(id: person) != nil else { throw APIError.unknownPerson(person) }
        return (acting, person)
    }
}
