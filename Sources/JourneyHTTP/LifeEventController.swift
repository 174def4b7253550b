import Foundation
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

/// `POST /v1/life-events`: an agency tells Lotsen of a life event it registered (a birth, a company, a residence
/// permit) about one person, named by personnummer. The journeys that declare the event in `offeredBy` are offered
/// to that person if Lotsen knows them by a proven number and they qualify. Applied once per message id. Every
/// accepted event gets the same answer, 202 with a receipt, so the answer never tells an agency whether a person uses
/// Lotsen or got an offer. A sibling of `POST /v1/agency-events`: a life event is about a person, not a case of theirs.
struct LifeEventController {
    let services: APIServices

    var routes: RouteCollection<LotsenRequestContext> {
        let routes = RouteCollection(context: LotsenRequestContext.self)
        routes.post(use: push)
        return routes
    }

    struct EventBody: StrictDecodable {
        let messageId: String
        let agency: String
        let event: String
        /// A personnummer or samordningsnummer.
        let person: String
        let fields: [String: AnswerValue]?

        enum CodingKeys: String, CodingKey, CaseIterable { case messageId, agency, event, person, fields }
    }

    /// The receipt: the event as the agency sent it, never anything about the person or what became of the event.
    struct ReceiptDocument: Encodable {
        let messageId: String
        let agency: String
        let event: String
        /// Always `accepted`.
        let status: String
        /// Whether this message id had been received before.
        let duplicate: Bool
        let receivedAt: Date
    }

    @Sendable func push(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let principal = try await services.require([.agency], "send life events", context: context, request: request)
        let body = try await request.decodeStrict(EventBody.self)
        if body.agency != principal.agency?.rawValue {
            let error = APIError.forbidden("this token sends life events only for agency '\(principal.agency?.rawValue ?? "")'")
            await services.recordRefusal(error, principal: principal, context: context, request: request)
            throw error
        }
        let message = try validate(body)
        let receipt = try await services.engine.receive(message, lifetime: services.pendingEventLifetime)
        if let person = receipt.person, !receipt.duplicate {
            // An agency told Lotsen something about the person: it goes into their journal, naming the journeys offered.
            try await services.journalAccess(.change, of: [person], by: principal, context: context, request: request)
            for offer in receipt.offers {
                try await services.journalAccess(.change, of: [person], by: principal, journey: offer.journey, context: context, request: request)
            }
        }
        let document = ReceiptDocument(messageId: receipt.messageID, agency: receipt.event.agency.rawValue, event: receipt.event.kind,
            status: "accepted", duplicate: receipt.duplicate, receivedAt: receipt.receivedAt)
        return JSONBody.response(document, status: .accepted)
    }

    /// The message the body describes, or a refusal naming the field that is wrong.
    private func validate(_ body: EventBody) throws -> LifeEventMessage {
        guard (1...200).contains(body.messageId.unicodeScalars.count),
            body.messageId.unicodeScalars.contains(where: { !AgencyEventController.isSchemaWhitespace($0) })
        else {
            throw APIError.badRequest("invalidField", "'messageId' must be 1 to 200 characters, not all of them blank", field: "messageId")
        }
        guard let event = AgencyLifeEvent.named(agency: AgencyID(body.agency), kind: body.event) else {
            let kinds = AgencyLifeEvent.known.filter { $0.agency.rawValue == body.agency }.map(\.kind)
            throw APIError.unprocessable("agency '\(body.agency)' sends no life event '\(body.event)' Lotsen knows", field: "event",
                hint: kinds.isEmpty ? "no life events are known from this agency" : "known: \(kinds.joined(separator: ", "))")
        }
        let person: Personnummer
        do {
            person = try Personnummer(parsing: body.person)
        } catch {
            throw APIError.unprocessable("not a valid personnummer or samordningsnummer", field: "person", hint: "give twelve digits, such as 19121212-1212")
        }
        var fields: [String: FactValue] = [:]
        for (name, value) in (body.fields ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let type = event.type(of: name) else {
                throw APIError.unprocessable("'\(event.name)' has no field '\(name)'", field: "fields.\(name)",
                    hint: "its fields: \(event.fields.map(\.name).joined(separator: ", "))")
            }
            do {
                fields[name] = try FactValue.parse(value.text, as: type)
            } catch {
                throw APIError.unprocessable("'\(name)' must be a \(type.keyword)", field: "fields.\(name)",
                    hint: type == .date ? "write the date as YYYY-MM-DD" : nil)
            }
        }
        return LifeEventMessage(messageID: body.messageId, event: event, person: person, fields: fields)
    }
}
