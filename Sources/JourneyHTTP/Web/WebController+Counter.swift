import Foundation
import Hummingbird
import JourneyEngine
import JourneyModel
import JourneyStore

extension WebController {
    /// `POST /enrollments/{enrollmentId}/steps/{stepId}/{start|complete|skip}`: a counter token acting for the person in
    /// front of the desk, as `POST /v1/enrollments/{id}/steps/{step}/…` with that token does: the event's actor is a
    /// caseworker, the journal names the counter token. A caseworker's own session reads only, and acts for no one.
    @Sendable func stepAction(_ request: Request, context: LotsenRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await page(request, context) { signedIn, pages in
            guard Self.csrf(in: form, matches: pages.layout.csrf) else {
                return HTML.response(pages.message(title: pages.strings.signOut, pages.strings.formExpired), status: .forbidden, language: pages.strings.language)
            }
            guard let command = Self.counterCommands.first(where: { $0.verb == (try? context.pathParameter("command")) }) else {
                throw APIError(.notFound, "unknownRoute", "no such step action")
            }
            let enrollment = try await services.enrollment(context)
            let step = StepID(try context.pathParameter("stepId"))
            let principal = try await services.authorizeChange(of: enrollment.person, by: signedIn, hidden: .unknownEnrollment(enrollment.id),
                context: context, request: request)
            do {
                _ = try await services.engine.apply(command, step: step, person: enrollment.person, journey: enrollment.journey, produced: [],
                    actor: principal.eventActor, representation: principal.representation)
            } catch {
                let refusal = APIError.from(error)
                let back = "<p><a href=\"/people/\(HTML.escape(enrollment.person.rawValue))\">\(HTML.escape(pages.strings.backToPerson))</a></p>"
                return HTML.response(pages.layout.page(title: pages.strings.actionRefused, "<p role=\"alert\">\(HTML.escape(refusal.message))</p>\(back)"),
                    status: refusal.status, language: pages.strings.language)
            }
            try await services.journalAccess(.change, of: [enrollment.person], by: principal, journey: enrollment.journey, step: step, context: context,
                request: request)
            try await services.engine.applyPendingAgencyEvents(person: enrollment.person, events: services.store)
            return HTML.redirect("/people/\(enrollment.person.rawValue)#e-\(enrollment.id.rawValue)")
        }
    }

    /// The step actions a counter offers, in the order shown.
    static let counterCommands: [StepCommand] = [.start, .complete, .skip]
}
