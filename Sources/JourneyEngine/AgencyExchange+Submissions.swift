import Foundation
import JourneyModel
import JourneyStore

extension AgencyExchange {
    /// The application Lotsen would send for `step`: the facts the step needs, each with its value and source, and
    /// the agency it goes to. Refused for a step the person does on the agency's own site, or that is not open.
    public func submissionOffer(step stepID: StepID, person: PersonID, journey journeyID: JourneyID) async throws(EngineError) -> SubmissionOffer {
        let overview = try await engine.overview(.id(person))
        guard let view = overview.enrollments.first(where: { $0.journey.id == journeyID }) else {
            throw EngineError(.notEnrolled, "this person has not started '\(journeyID)'")
        }
        guard let step = view.journey.step(stepID), let status = view.plan.status(of: stepID) else {
            throw EngineError(.unknownStep, "no step '\(stepID)' in '\(journeyID)'")
        }
        guard let serviceID = step.service, let service = catalog.service(serviceID), service.isSubmittable else {
            throw EngineError(.invalidTransition, "step '\(stepID)' is not sent through Lotsen",
                hint: "apply on the agency's own site, then mark it done with: lotsen complete \(stepID)")
        }
        guard status.state == .available || status.state == .inProgress else {
            throw EngineError(.invalidTransition, "cannot submit step '\(stepID)': it is \(TransitionRules.describe(status.state))")
        }
        var fields: [SubmissionOffer.Field] = []
        var missing: [FactID] = []
        let proven = overview.person.isProven ? overview.person.identity : nil
        for fact in step.needs {
            // Adapters name the facts as the journey declares them: a household member's copy sends under its template's field.
            guard let definition = view.journey.fact(fact), let mapping = service.sentField(for: definition.declaredID) else { continue }
            // The person's own number goes as proven, never as typed: a claim ("you said") is not sent as an identity.
            if fact == "personnummer", definition.type == .personnummer, let proven {
                let source = overview.facts[fact].flatMap { $0.value == .personnummer(proven) ? $0.source : nil } ?? .person
                fields.append(SubmissionOffer.Field(fact: definition, value: .personnummer(proven), source: source, agencyField: mapping.field))
                continue
            }
            // A fetched fact past its validity is not sent: it must be fetched (or answered) again first.
            guard let known = overview.facts[fact], known.isValid(at: clock()) else {
                missing.append(fact)
                continue
            }
            fields.append(SubmissionOffer.Field(fact: definition, value: known.value, source: known.source, agencyField: mapping.field))
        }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw EngineError(.invalidTransition, "cannot submit step '\(stepID)' yet: it needs \(names), not known or no longer valid",
                hint: "fetch or answer \(names) first")
        }
        return SubmissionOffer(journey: view.journey, enrollment: view.enrollment.id, step: step, agency: try agency(of: serviceID), service: service,
            fields: fields)
    }

    /// Sends the application after the person's decision, through the outbox: the intent (with an idempotency
    /// key) is stored first, then the agency is called, then the outcome is stored and the step waits on the agency.
    public func submit(_ offer: SubmissionOffer, for person: PersonID, decision: Consent.Decision, actor: JourneyEvent.Actor = .person) async
        throws(EngineError) -> SubmissionOutcome
    {
        let fields = offer.fields.map(\.fact.id)
        // A newcomer with no number yet applies without one (the agency checks who they are, as at a counter); a
        // record named by a number sends it only once that number is proven.
        // A household member's application is not the person's: it goes without the person's number, so the agency never
        // files a partner's or a child's case (and its news) under the applicant's identity.
        var identity: Personnummer?
        if offer.step.member == nil, try await engine.person(.id(person)).identity != nil { identity = try await requireProvenIdentity(of: person) }
        try await decide(decision, person: person, purpose: offer.purpose, service: offer.service.id, direction: .send, fields: fields, actor: actor)
        guard decision == .granted else { return .refused }
        if let opened = try await caseOpenedWithoutMove(offer, person: person), let caseID = opened.caseID {
            try await markSubmitted(opened, actor: actor)
            return .submitted(caseID: caseID)
        }
        var body: [String: AgencyValue] = [:]
        for field in offer.fields { body[field.agencyField] = AgencyValue(field.value) }
        let payload = Payload(subject: identity?.twelveDigits, fields: body)
        let draft = Submission(person: person, enrollment: offer.enrollment, journey: offer.journey.id, step: offer.step.id, service: offer.service.id,
            fields: fields, payload: payload.encoded, createdAt: clock())
        let submission = try await storage { () async throws(StorageError) in
            try await store.recordIntent(draft, journal: entry(person, actor, offer.purpose, offer.service.id, .send, fields, .intended, detail: draft.id))
        }
        return try await finish(submission, actor: actor)
    }

    /// The application of this step whose case the agency opened, and recorded, after the step last changed state:
    /// a process killed between storing the case and moving the step (``markSubmitted(_:actor:)``). Sending again
    /// would open a second case under a new idempotency key; the step is moved instead. After a rejection the step
    /// has changed state since, so a new application goes ahead.
    func caseOpenedWithoutMove(_ offer: SubmissionOffer, person: PersonID) async throws(EngineError) -> Submission? {
        let submissions = try await storage { () async throws(StorageError) in try await store.submissions(person: person) }
        guard let latest = submissions.last(where: { $0.enrollment == offer.enrollment && $0.step == offer.step.id }), latest.state == .submitted,
            latest.caseID != nil
        else { return nil }
        let overview = try await engine.overview(.id(person))
        guard let since = overview.enrollments.first(where: { $0.enrollment.id == offer.enrollment })?.enrollment.steps[offer.step.id]?.since
        else { return nil }
        return since < latest.createdAt ? latest : nil
    }

    /// Finishes every submission (of `person`, or everyone's) left pending by a crash, a kill or an unreachable agency, with its original
    /// idempotency key: the agency returns the case it already opened rather than opening another.
    /// Returns how many reached the agency now; failures stay pending (or are marked failed when refused).
    @discardableResult
    public func resumePendingSubmissions(of person: PersonID? = nil, actor: JourneyEvent.Actor = .system) async -> Int {
        // Claimed first: of several nodes (or processes on one file) only one finishes each submission.
        let claimed = try? await storage { () async throws(StorageError) in
            try await store.claimPendingSubmissions(of: person, limit: 100, claimant: claimant, at: clock(), lease: Self.claimLease)
        }
        guard let claimed else { return 0 }
        var finished = 0
        for submission in claimed {
            if case .submitted? = try? await finish(submission, actor: actor) { finished += 1 }
        }
        return finished
    }

    /// Calls the agency for a recorded submission and records the outcome.
    func finish(_ submission: Submission, actor: JourneyEvent.Actor) async throws(EngineError) -> SubmissionOutcome {
        let purpose = CallPurpose(journey: submission.journey, step: submission.step)
        let agency = try agency(of: submission.service)
        guard let text = submission.payload, let payload = Payload(decoding: text) else {
            throw EngineError(.storage, "the pending submission \(submission.id) has no readable payload")
        }
        var subject: Personnummer?
        if let number = payload.subject { subject = try? Personnummer(parsing: number) }
        var outcome = submission
        outcome.attempts += 1
        outcome.updatedAt = clock()
        let receipt: AgencyCase
        do {
            receipt = try await adapter.submit(ApplicationRequest(service: submission.service, subject: subject, fields: payload.fields,
                idempotencyKey: submission.id, purpose: purpose))
        } catch {
            // A refusal (4xx, or an answer that can never be read) ends the submission; anything else stays pending for a retry.
            outcome.state = error.isRetryable ? .pending : .failed
            outcome.lastError = error.code.name
            try await storage { () async throws(StorageError) in
                try await store.recordOutcome(outcome, journal: entry(submission.person, actor, purpose, submission.service, .send, submission.fields,
                    .failed, detail: error.code.name))
            }
            throw failure(error, agency: agency, retrying: error.isRetryable)
        }
        outcome.state = .submitted
        outcome.caseID = receipt.caseID
        outcome.lastError = nil
        do {
            try await storage { () async throws(StorageError) in
                try await store.recordOutcome(outcome, journal: entry(submission.person, actor, purpose, submission.service, .send, submission.fields,
                    .completed, detail: receipt.caseID))
            }
        } catch where error.code == .conflict {
            // Another process finished it while this one waited on the agency (its claim lapsed): the agency has one
            // case (the idempotency key), and that process records it and moves the step.
            return .submitted(caseID: receipt.caseID)
        }
        try await markSubmitted(outcome, actor: actor)
        return .submitted(caseID: receipt.caseID)
    }

    /// Moves the step to "waiting on the agency" for a case the agency has; repeated calls change nothing.
    func markSubmitted(_ submission: Submission, actor: JourneyEvent.Actor) async throws(EngineError) {
        let overview = try await engine.overview(.id(submission.person))
        guard let view = overview.enrollments.first(where: { $0.journey.id == submission.journey }),
            let state = view.plan.status(of: submission.step)?.state, state == .available || state == .inProgress
        else { return }
        _ = try await engine.apply(.submitted(caseReference: submission.caseID), step: submission.step, person: submission.person,
            journey: submission.journey, actor: actor)
    }
}

/// The body of an application as stored in the outbox, so a retry sends exactly the same.
struct Payload: Codable {
    let subject: String?
    let fields: [String: AgencyValue]

    init(subject: String?, fields: [String: AgencyValue]) {
        self.subject = subject
        self.fields = fields
    }

    init?(decoding text: String) {
        guard let value = try? JSONDecoder().decode(Payload.self, from: Data(text.utf8)) else { return nil }
        self = value
    }

    var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
