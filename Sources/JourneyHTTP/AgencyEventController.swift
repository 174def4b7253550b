import Foundation
import HTTPTypes
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// `POST /v1/agency-events`: an agency pushes a case event about one person's application for one of its own
/// services. Applied once per message id; kept pending while it cannot be applied (the person has not reached the
/// step, or is not someone Lotsen can place) for at most ``APIServices/pendingEventLifetime``. Every accepted event
/// gets the same answer, 202 with a receipt, so the answer never tells an agency whether a person uses Lotsen.
struct AgencyEventController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.post(use: push)
        return routes
    }

    struct EventBody: StrictDecodable {
        enum EventType: String, CaseIterable { case received, needsAction, decided }

        let messageId: String
        let agency: String
        let service: String
        /// A personnummer, samordningsnummer or Lotsen reference.
        let person: String
        let journey: String?
        let type: OneOf<EventType>
        let decision: OneOf<AgencyCaseEvent.Decision>?
        let caseReference: String?
        let message: String?
        let language: OneOf<Language>

        enum CodingKeys: String, CodingKey, CaseIterable {
            case messageId, agency, service, person, journey, type, decision, caseReference, message, language
        }
    }

    /// The receipt: the event as the agency sent it, never anything about the person or what became of the event.
    struct EventDocument: Encodable {
        let messageId: String
        let agency: String
        let service: String
        let type: String
        let decision: String?
        /// Always `accepted`.
        let status: String
        /// Whether this message id had been received before.
        let duplicate: Bool
        let receivedAt: Date
    }

    @Sendable func push(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let principal = try await services.require([.agency], "push agency events", context: context, request: request)
        let body = try await request.decodeStrict(EventBody.self)
        let event = try validate(body)
        if event.agency != principal.agency || event.service.agency != principal.agency {
            let error = APIError.forbidden("this token pushes events only for the services of agency '\(principal.agency?.rawValue ?? "")'")
            let person = try? await services.engine.person(event.person)
            await services.recordRefusal(error, principal: principal, subject: person.map { .person($0.id) }, context: context, request: request)
            throw error
        }
        let receipt = try await services.engine.receive(event, events: services.store, lifetime: services.pendingEventLifetime)
        if let matched = receipt.matched {
            // An agency acted on the person's case: it goes into their journal like any change made for them.
            try await services.journalAccess(.change, of: [matched.person], by: principal, journey: matched.journey, step: matched.step,
                context: context, request: request)
        }
        let document = EventDocument(messageId: receipt.messageID, agency: receipt.agency.rawValue, service: receipt.service.rawValue,
            type: receipt.kind.name, decision: receipt.kind.decision?.rawValue, status: "accepted", duplicate: receipt.duplicate,
            receivedAt: receipt.receivedAt)
        return JSONBody.response(document, status: .accepted)
    }

    /// The event the body describes, or a refusal naming the field that is wrong.
    private func validate(_ body: EventBody) throws -> AgencyCaseEvent {
        // As the document's schema says: `minLength: 1`, `maxLength` (counted in Unicode code points, as JSON
        // Schema counts) and `pattern: "\S"` (ECMAScript's whitespace, line breaks included).
        func text(_ value: String?, _ field: String, max: Int) throws -> String? {
            guard let value else { return nil }
            guard (1...max).contains(value.unicodeScalars.count), value.unicodeScalars.contains(where: { !Self.isSchemaWhitespace($0) }) else {
                throw APIError.badRequest("invalidField", "'\(field)' must be 1 to \(max) characters, not all of them blank", field: field)
            }
            return value
        }
        let messageID = try text(body.messageId, "messageId", max: 200)!
        _ = try text(body.agency, "agency", max: 100)
        _ = try text(body.service, "service", max: 200)
        let caseReference = try text(body.caseReference, "caseReference", max: 200)
        let message = try text(body.message, "message", max: 2000)
        let kind: AgencyCaseEvent.Kind
        switch (body.type.value, body.decision?.value) {
        case (.decided, let decision?): kind = .decided(decision)
        case (.decided, nil): throw APIError.badRequest("missingField", "a decided event needs 'decision': approved or rejected", field: "decision")
        case (_, .some): throw APIError.badRequest("invalidField", "only a decided event has a 'decision'", field: "decision")
        case (.received, nil): kind = .received
        case (.needsAction, nil): kind = .needsAction
        }
        let service = ServiceID(body.service)
        guard services.library.catalog.service(service) != nil else {
            throw APIError.unprocessable("no service '\(body.service)' in the adapters", field: "service")
        }
        let person: PersonReference
        do {
            person = try PersonReference(parsing: body.person)
        } catch {
            throw APIError.unprocessable(error.message, field: "person", hint: "give a personnummer, a samordningsnummer or a Lotsen reference (lp-...)")
        }
        if person == .new { throw APIError.unprocessable("name an existing person", field: "person") }
        var journey: JourneyID?
        if let id = body.journey {
            guard let named = services.library.journey(JourneyID(id)) else { throw APIError.unprocessable("no journey '\(id)'", field: "journey") }
            // Said from the journey files alone, the same for every person.
            guard named.steps.contains(where: { $0.service == service }) else {
                throw APIError.unprocessable("journey '\(id)' has no step for '\(body.service)'", field: "journey", hint: "check the journey, or leave it out")
            }
            journey = JourneyID(id)
        }
        return AgencyCaseEvent(messageID: messageID, agency: AgencyID(body.agency), service: service, person: person, journey: journey,
            kind: kind, language: body.language.value, caseReference: caseReference, message: message)
    }

    /// Whitespace as the `\s` of the document's ECMAScript patterns: space separators, tab, the line breaks, form feed,
    /// vertical tab and the byte order mark.
    static func isSchemaWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x2028, 0x2029, 0xFEFF: true
        default: scalar.properties.generalCategory == .spaceSeparator
        }
    }
}
