import Foundation
import JourneyModel
import JourneyStore

extension AgencyExchange {
    /// Asks the agencies how the person's open cases stand and moves their steps to match: waiting on the agency,
    /// needs your action (with the agency's message), done (recording the facts a decision yields) or rejected.
    /// Each question is journaled. A case an agency cannot answer about now is left as it was.
    public func refreshCases(of person: PersonID, actor: JourneyEvent.Actor = .system) async throws(EngineError) -> [CaseUpdate] {
        let submissions = try await storage { () async throws(StorageError) in try await store.submissions(person: person) }
        var updates: [CaseUpdate] = []
        // Only a step's latest application counts: after a rejection and a new application, the old case is history.
        var latest: [String: Submission] = [:]
        for submission in submissions { latest["\(submission.journey)/\(submission.step)"] = submission }
        for submission in submissions where submission.state == .submitted && latest["\(submission.journey)/\(submission.step)"]?.id == submission.id {
            guard let caseID = submission.caseID else { continue }
            // A crash between recording the case and moving the step is finished here.
            try await markSubmitted(submission, actor: actor)
            let overview = try await engine.overview(.id(person))
            guard let view = overview.enrollments.first(where: { $0.journey.id == submission.journey }),
                let status = view.plan.status(of: submission.step), status.state == .waitingOnAgency || status.state == .needsAction,
                let step = view.journey.step(submission.step)
            else { continue }
            let agency = try agency(of: submission.service)
            guard let statusService = agency.caseStatusService else { continue }
            let purpose = CallPurpose(journey: submission.journey, step: submission.step)
            let answer: AgencyCase
            do {
                answer = try await adapter.caseStatus(CaseStatusRequest(service: statusService.id, caseID: caseID, purpose: purpose))
            } catch {
                try await journal(entry(person, actor, purpose, statusService.id, .caseStatus, [], .failed, detail: error.code.name))
                continue
            }
            let service = catalog.service(submission.service)
            // Adapters name the facts as the journey declares them; a household member's copy reads its template's field.
            func declared(_ fact: FactID) -> FactID { view.journey.fact(fact)?.declaredID ?? fact }
            let yielded = step.produces.filter { service?.returnedField(for: declared($0)) != nil }
            try await journal(entry(person, actor, purpose, statusService.id, .caseStatus, answer.status == .approved ? yielded : [], .completed,
                detail: caseID))
            let command: StepCommand
            var produced: [(fact: FactID, text: String)] = []
            switch answer.status {
            case .received:
                continue
            case .needsAction:
                if case .needsAction(let message)? = status.progress, message == answer.message { continue }
                command = .requestAction(message: answer.message)
            case .approved:
                for fact in yielded {
                    guard let mapping = service?.returnedField(for: declared(fact)), let definition = view.journey.fact(fact),
                        let value = answer.fields.value(at: mapping)?.factValue(as: definition.type)
                    else { continue }
                    produced.append((fact, value.canonical))
                }
                command = .complete
            case .rejected:
                command = .reject(reason: answer.message)
            }
            do {
                _ = try await engine.apply(command, step: submission.step, person: person, journey: submission.journey, produced: produced, actor: .agency)
            } catch where error.code == .invalidTransition || error.code == .alreadyDone {
                // The person moved the step on in the meantime (such as marking it done); the agency's news changes nothing.
                continue
            }
            updates.append(CaseUpdate(journey: submission.journey, step: submission.step, status: answer.status, message: answer.message))
        }
        return updates
    }
}
