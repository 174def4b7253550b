import Foundation
import JourneyAdapters
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

@testable import JourneyEngine

/// Applications through the outbox: a preview, the person's consent, exactly one case per application however
/// the call ends, and the step following the agency's case, against the sandbox agencies over loopback.
@Suite("Applications go to the agency once, after a preview, and the step follows the case")
struct AgencyExchangeSubmissionTests {
    static let insurance: ServiceID = "forsakringskassan.insurance-registration"
    static let permit: ServiceID = "migrationsverket.residence-permit"
    /// A citizen of a country outside the EU, without a Swedish number yet.
    /// What Migrationsverket's application asks: citizenship, name, passport and the ground for the permit.
    static let nonEUNewcomer: [(fact: FactID, text: String)] = [("citizenship", "India"), ("fullName", "Test Testsson"),
        ("passportNumber", "X1234567"), ("permitGround", "work")]
    /// The fields the permit application sends for ``nonEUNewcomer``, as the agency receives them.
    static let permitFields: [String: AgencyValue] = ["citizenship": .string("IN"), "name": .string("Test Testsson"),
        "passportNumber": .string("X1234567"), "ground": .string("work")]

    @Test("facts fetched from Skatteverket go to Försäkringskassan after a preview; the step waits on the case, then is done when it is approved")
    func applicationCarriesFetchedFacts() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.registeredNewcomer()
            try await h.complete(["population-registration", "identity-visit", "receive-personnummer"], person)
            await #expect(try h.status(of: "social-insurance", person).state == .available)

            let offer = try await h.exchange.submissionOffer(step: "social-insurance", person: person, journey: "new-in-sweden")
            #expect(offer.agency.id == "forsakringskassan")
            #expect(offer.service.id == Self.insurance)
            #expect(offer.purpose == CallPurpose(journey: "new-in-sweden", step: "social-insurance"))
            #expect(offer.fields.map(\.fact.id) == ["personnummer", "fullName", "address"])
            #expect(offer.fields.map(\.agencyField) == ["personnummer", "name", "address"])
            #expect(offer.fields.map(\.source) == [.person, .agency("skatteverket.population-record"), .agency("skatteverket.population-record")])
            #expect(offer.fields.map(\.value) == [.personnummer(try Personnummer(parsing: SandboxSeed.registeredPerson)),
                .text("Tolvan Tolvansson"), .text("Testgatan 1, 123 45 Exempelstad")])

            let caseID = try await h.submit("social-insurance", person)
            #expect(caseID.hasPrefix("FK-"))
            let waiting = try await h.status(of: "social-insurance", person)
            #expect(waiting.state == .waitingOnAgency)
            #expect(waiting.progress == .waitingOnAgency(caseReference: caseID))

            let submission = try await h.onlySubmission(person)
            #expect(submission.state == .submitted)
            #expect(submission.caseID == caseID)
            #expect(submission.payload == nil)
            #expect(submission.attempts == 1)
            #expect(submission.fields == ["personnummer", "fullName", "address"])
            let cases = try await h.cases(Self.insurance)
            #expect(cases.map(\.caseId) == [caseID])
            #expect(cases.map(\.idempotencyKey) == [submission.id])

            let sent = try await h.journal(person, step: "social-insurance")
            #expect(sent.map(\.action) == [.consentGranted, .send, .send])
            #expect(sent.map(\.outcome) == [.completed, .intended, .completed])
            #expect(sent.allSatisfy { $0.service == Self.insurance && $0.fields == ["personnummer", "fullName", "address"] })
            #expect(Array(sent.map(\.detail).dropFirst()) == [submission.id, caseID])
            await #expect(try h.exchange.consents(of: person).filter { $0.direction == .send }.map(\.service) == [Self.insurance])

            let updates = try await h.exchange.refreshCases(of: person)
            #expect(updates.map(\.status) == [.approved])
            #expect(updates.first?.step == "social-insurance")
            #expect(updates.first?.message?.contains("You are insured in Sweden") == true)
            await #expect(try h.status(of: "social-insurance", person).state == .done)
            #expect(try await h.cases(Self.insurance).map(\.decision) == ["approved"])
            let asked = try await #require(try h.journal(person, step: "social-insurance").last)
            #expect(asked.action == .caseStatus)
            #expect(asked.service == "forsakringskassan.case-status")
            #expect(asked.detail == caseID)

            // A decided case is not asked about again.
            let entries = try await h.exchange.journal(of: person).count
            #expect(try await h.exchange.refreshCases(of: person).isEmpty)
            await #expect(try h.exchange.journal(of: person).count == entries)
            try await h.expectJournalHoldsNoPersonalData(person)
            await #expect(try h.store.verifyJournal(expectedHead: nil).isIntact)
        }
    }

    @Test("an application does not carry fetched facts whose validity ran out: they are fetched again first")
    func expiredFactsAreNotSent() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.registeredNewcomer()
            try await h.complete(["population-registration", "identity-visit", "receive-personnummer"], person)
            // validFor: P90D in adapters/skatteverket.yaml.
            h.clock.advance(days: 91)
            let error = await #expect(throws: EngineError.self) {
                try await h.exchange.submissionOffer(step: "social-insurance", person: person, journey: "new-in-sweden")
            }
            #expect(error?.code == .invalidTransition)
            #expect(error?.message.contains("'fullName'") == true, "\(String(describing: error))")

            let refetch = try await h.onlyOffer(person)
            #expect(try await h.exchange.fetch(refetch, for: person, decision: .granted) == .recorded(["fullName", "address"]))
            let offer = try await h.exchange.submissionOffer(step: "social-insurance", person: person, journey: "new-in-sweden")
            #expect(offer.fields.map(\.fact.id) == ["personnummer", "fullName", "address"])
        }
    }

    @Test("a residence permit waits on Migrationsverket, then needs the person's action, then is approved and yields the permit")
    func residencePermitFollowsTheCase() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(nil, answers: Self.nonEUNewcomer)
            let offer = try await h.exchange.submissionOffer(step: "residence-permit", person: person, journey: "new-in-sweden")
            #expect(offer.fields.map(\.fact.id) == ["citizenship", "fullName", "passportNumber", "permitGround"])
            #expect(offer.fields.map(\.source) == [.person, .person, .person, .person])
            let caseID = try await h.submit("residence-permit", person)
            #expect(caseID.hasPrefix("MIG-"))
            await #expect(try h.status(of: "residence-permit", person).state == .waitingOnAgency)

            let asked = try await h.exchange.refreshCases(of: person)
            #expect(asked.map(\.status) == [.needsAction])
            let message = try #require(asked.first?.message)
            #expect(message.contains("passport"))
            let needs = try await h.status(of: "residence-permit", person)
            #expect(needs.state == .needsAction)
            #expect(needs.progress == .needsAction(message: message))
            await #expect(try h.view(person).plan.nextActions.contains(.respond("residence-permit")))

            let decided = try await h.exchange.refreshCases(of: person)
            #expect(decided.map(\.status) == [.approved])
            await #expect(try h.status(of: "residence-permit", person).state == .done)
            let permit = try await #require(try h.facts(of: person)["hasResidencePermit"])
            #expect(permit.value == .bool(true))
            // The agency's decision: its value, which the person's answers do not replace.
            #expect(permit.source == .agency("migrationsverket.residence-permit"))
            let disputed = try await h.engine.answer(person: person, answers: [("hasResidencePermit", "no")])
            #expect(disputed.facts["hasResidencePermit"] == permit)
            #expect(disputed.claims["hasResidencePermit"]?.value == .bool(false))
            // The decision's journal entry names the fact it yielded.
            let statusChecks = try await h.journal(person, step: "residence-permit").filter { $0.action == .caseStatus }
            #expect(statusChecks.map(\.fields) == [[], ["hasResidencePermit"]])
            #expect(statusChecks.allSatisfy { $0.actor == .system && $0.detail == caseID })
        }
    }

    @Test("a case the agency cannot answer about now is left as it was, and the failed question is journaled")
    func unansweredCaseStatus() async throws {
        // What fails is the agency's answer (503 twice), not its speed: the timeout leaves room for a loaded machine, where
        // 2 s made the submission itself time out.
        try await ExchangeHarness.with(endpoints: ["migrationsverket": "timeout: 30s\nretry: { attempts: 2, backoff: 10ms }"]) { h in
            let person = try await h.enroll(nil, answers: Self.nonEUNewcomer)
            _ = try await h.submit("residence-permit", person)
            try h.sandbox.setBehaviour(SandboxBehaviour(failNext: 2), agency: "migrationsverket", service: "case-status")
            #expect(try await h.exchange.refreshCases(of: person).isEmpty)
            await #expect(try h.status(of: "residence-permit", person).state == .waitingOnAgency)
            let last = try await #require(try h.journal(person, step: "residence-permit").last)
            #expect(last.action == .caseStatus)
            #expect(last.outcome == .failed)
            #expect(last.detail == "rejected-503")
            // The next question finds the case where the agency left it.
            #expect(try await h.exchange.refreshCases(of: person).map(\.status) == [.needsAction])
        }
    }

    @Test("Bolagsverket refuses a company name that is taken: the step is rejected with the agency's reason")
    func takenCompanyNameIsRejected() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(SandboxSeed.registeredPerson, in: "starting-a-business",
                answers: [("businessForm", "aktiebolag"), ("companyName", "Testbolaget AB")])
            let offer = try await h.exchange.submissionOffer(step: "name-check", person: person, journey: "starting-a-business")
            #expect(offer.fields.map(\.fact.id) == ["companyName", "businessForm"])
            _ = try await h.submit("name-check", person, "starting-a-business")
            let updates = try await h.exchange.refreshCases(of: person)
            #expect(updates.map(\.status) == [.rejected])
            let reason = try #require(updates.first?.message)
            #expect(reason.contains("already registered"))
            let rejected = try await h.status(of: "name-check", person, "starting-a-business")
            #expect(rejected.state == .rejected)
            #expect(rejected.progress == .rejected(reason: reason))
            #expect(try await h.cases("bolagsverket.name-check").map(\.decision) == ["rejected"])
            try await h.expectJournalHoldsNoPersonalData(person)
        }
    }

    @Test("after a rejection, the step follows the new application's case, not the rejected one")
    func reapplicationFollowsTheNewCase() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(SandboxSeed.registeredPerson, in: "starting-a-business",
                answers: [("businessForm", "aktiebolag"), ("companyName", "Testbolaget AB")])
            let rejected = try await h.submit("name-check", person, "starting-a-business")
            #expect(try await h.exchange.refreshCases(of: person).map(\.status) == [.rejected])

            // The person picks a free name and applies again.
            h.clock.advance(days: 1)
            _ = try await h.engine.answer(person: person, journey: "starting-a-business", answers: [("companyName", "Nybolaget AB")])
            _ = try await h.engine.apply(.start, step: "name-check", person: person, journey: "starting-a-business")
            let second = try await h.submit("name-check", person, "starting-a-business")
            #expect(second != rejected)
            await #expect(try h.status(of: "name-check", person, "starting-a-business").state == .waitingOnAgency)

            let updates = try await h.exchange.refreshCases(of: person)
            #expect(updates.map(\.status) == [.approved])
            await #expect(try h.status(of: "name-check", person, "starting-a-business").state == .done)
        }
    }

    @Test("an application the person declines sends nothing; the refusal is recorded and journaled")
    func declinedApplication() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(nil, answers: Self.nonEUNewcomer)
            let offer = try await h.exchange.submissionOffer(step: "residence-permit", person: person, journey: "new-in-sweden")
            #expect(try await h.exchange.submit(offer, for: person, decision: .refused) == .refused)
            #expect(try await h.sandbox.cases().isEmpty)
            await #expect(try h.store.submissions(person: person).isEmpty)
            await #expect(try h.exchange.consents(of: person).map(\.decision) == [.refused])
            await #expect(try h.exchange.journal(of: person).map(\.action) == [.consentRefused])
            await #expect(try h.status(of: "residence-permit", person).state == .available)
        }
    }

    @Test("a step that is not open, or that is done in person, has no application to offer")
    func noOfferForClosedOrInPersonSteps() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.registeredNewcomer()
            // Locked behind folkbokföring.
            let locked = await #expect(throws: EngineError.self) {
                try await h.exchange.submissionOffer(step: "social-insurance", person: person, journey: "new-in-sweden")
            }
            #expect(locked?.code == .invalidTransition)
            try await h.complete(["population-registration"], person)
            let inPerson = await #expect(throws: EngineError.self) {
                try await h.exchange.submissionOffer(step: "identity-visit", person: person, journey: "new-in-sweden")
            }
            #expect(inPerson?.code == .invalidTransition)
            #expect(inPerson?.hint?.contains("lotsen complete identity-visit") == true)
        }
    }

    /// How a pending application is finished after the call that opened its case never reported back.
    enum Finish: String, CaseIterable, Sendable {
        /// On restart (or `lotsen sync`).
        case resume
        /// The person applies again.
        case submitAgain
    }

    @Test("an application whose answer never arrived stays pending, and finishing it later never opens a second case",
        arguments: Finish.allCases)
    func timedOutApplicationOpensOneCase(finish: Finish) async throws {
        // Long enough for a loaded test machine to answer the calls after the hang in time; the hang lasts until cleared.
        // What fails is the agency's answer (503 twice), not its speed: the timeout leaves room for a loaded machine, where
        // 2 s made the submission itself time out.
        try await ExchangeHarness.with(endpoints: ["migrationsverket": "timeout: 30s\nretry: { attempts: 2, backoff: 10ms }"]) { h in
            let person = try await h.enroll(nil, answers: Self.nonEUNewcomer)
            // The sandbox opens the case, then holds the answer back until the behaviour is cleared.
            try h.sandbox.setBehaviour(SandboxBehaviour(hang: true), agency: "migrationsverket", service: "residence-permit")
            let offer = try await h.exchange.submissionOffer(step: "residence-permit", person: person, journey: "new-in-sweden")
            let error = await #expect(throws: EngineError.self) { try await h.exchange.submit(offer, for: person, decision: .granted) }
            #expect(error?.code == .agencyFailed)
            #expect(error?.message == "Swedish Migration Agency did not answer in time")
            #expect(error?.hint?.contains("lotsen sync") == true)

            let pending = try await h.onlySubmission(person)
            #expect(pending.state == .pending)
            #expect(pending.lastError == "timeout")
            #expect(pending.caseID == nil)
            #expect(pending.payload != nil)
            await #expect(try h.status(of: "residence-permit", person).state == .available)
            let opened = try await h.cases(Self.permit)
            #expect(opened.map(\.idempotencyKey) == [pending.id])
            await #expect(try h.journal(person, step: "residence-permit").map(\.outcome) == [.completed, .intended, .failed])

            h.sandbox.clearBehaviour()
            switch finish {
            case .resume:
                #expect(await h.exchange.resumePendingSubmissions() == 1)
            case .submitAgain:
                let again = try await h.exchange.submissionOffer(step: "residence-permit", person: person, journey: "new-in-sweden")
                #expect(try await h.exchange.submit(again, for: person, decision: .granted) == .submitted(caseID: opened.first?.caseId ?? ""))
            }
            #expect(try await h.cases(Self.permit).map(\.caseId) == opened.map(\.caseId))
            let submitted = try await h.onlySubmission(person)
            #expect(submitted.id == pending.id)
            #expect(submitted.state == .submitted)
            #expect(submitted.caseID == opened.first?.caseId)
            #expect(submitted.payload == nil)
            #expect(submitted.attempts == 2)
            await #expect(try h.status(of: "residence-permit", person).progress == .waitingOnAgency(caseReference: opened.first?.caseId))
            #expect(await h.exchange.resumePendingSubmissions() == 0)
            #expect(try await h.cases(Self.permit).count == 1)
        }
    }

    @Test("a household member's application goes without the applicant's number; the applicant's own goes with it")
    func memberApplicationCarriesNoApplicantNumber() async throws {
        try await ExchangeHarness.with(endpoints: ["migrationsverket": "timeout: 30s\nretry: { attempts: 1, backoff: 10ms }"]) { h in
            let partner: [(fact: FactID, text: String)] = [("movingWithPartner", "yes"), ("hasChildren", "no"), ("citizenship.partner", "India"),
                ("fullName.partner", "Test Testsdotter"), ("passportNumber.partner", "P7654321"), ("permitGround.partner", "family")]
            let person = try await h.enroll(SandboxSeed.registeredPerson, answers: Self.nonEUNewcomer + partner)
            // The agency answers 503, so each application stays pending with the payload it would send.
            try h.sandbox.setBehaviour(SandboxBehaviour(failNext: 10), agency: "migrationsverket", service: "residence-permit")
            for step: StepID in ["residence-permit.partner", "residence-permit"] {
                let offer = try await h.exchange.submissionOffer(step: step, person: person, journey: "new-in-sweden")
                _ = try? await h.exchange.submit(offer, for: person, decision: .granted)
            }
            let payloads = try await h.exchange.submissions(of: person).reduce(into: [StepID: Payload]()) { payloads, submission in
                payloads[submission.step] = submission.payload.flatMap(Payload.init(decoding:))
            }
            let member = try #require(payloads["residence-permit.partner"])
            #expect(member.subject == nil)
            // The member's own facts, under the agency's field names for the declared facts.
            #expect(member.fields == ["citizenship": .string("IN"), "name": .string("Test Testsdotter"), "passportNumber": .string("P7654321"),
                "ground": .string("family")])
            #expect(try #require(payloads["residence-permit"]).subject == SandboxSeed.registeredPerson.filter(\.isNumber))
        }
    }

    @Test("a process killed after the agency opened the case, before the outcome was stored, is finished on restart with that one case")
    func killBetweenIntentAndOutcome() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(nil, answers: Self.nonEUNewcomer)
            let offer = try await h.exchange.submissionOffer(step: "residence-permit", person: person, journey: "new-in-sweden")
            // What `submit` does up to the call, then the call itself, and then the process dies: the intent is
            // stored and the agency has the case, but Lotsen never learned its id.
            let payload = Payload(subject: nil, fields: Self.permitFields)
            let intent = try await h.store.recordIntent(
                Submission(person: person, enrollment: offer.enrollment, journey: "new-in-sweden", step: "residence-permit", service: Self.permit,
                    fields: ["citizenship", "fullName", "passportNumber", "permitGround"], payload: payload.encoded, createdAt: h.clock.now),
                journal: AccessEntry(at: h.clock.now, person: person, actor: .person, journey: "new-in-sweden", step: "residence-permit",
                    service: Self.permit, action: .send, fields: ["citizenship", "fullName", "passportNumber", "permitGround"], outcome: .intended))
            let adapter = HTTPAgencyAdapter(catalog: h.engine.library.catalog, sandbox: h.root)
            let receipt = try await adapter.submit(ApplicationRequest(service: Self.permit, subject: nil, fields: payload.fields,
                idempotencyKey: intent.id, purpose: offer.purpose))

            // A new process on the same database file.
            let store = try h.database.store()
            let clock = h.clock
            let engine = JourneyEngine(library: h.engine.library, store: store, clock: { clock.now })
            let restarted = AgencyExchange(engine: engine, store: store, adapter: adapter, clock: { clock.now })
            #expect(await restarted.resumePendingSubmissions() == 1)

            #expect(try await h.cases(Self.permit).map(\.caseId) == [receipt.caseID])
            let submitted = try await h.onlySubmission(person)
            #expect(submitted.state == .submitted)
            #expect(submitted.caseID == receipt.caseID)
            await #expect(try h.status(of: "residence-permit", person).state == .waitingOnAgency)
            let finished = try await #require(try h.journal(person, step: "residence-permit").last)
            #expect(finished.outcome == .completed)
            #expect(finished.actor == .system)
            #expect(finished.detail == receipt.caseID)
            await adapter.shutdown()
        }
    }
    @Test("a process killed after the case was recorded, before the step moved, is not sent again by a second submit: the step takes that case")
    func killBetweenOutcomeAndStepMove() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(nil, answers: Self.nonEUNewcomer)
            h.clock.advance(days: 1.0 / 1440)
            let offer = try await h.exchange.submissionOffer(step: "residence-permit", person: person, journey: "new-in-sweden")
            // What `submit` does up to storing the outcome; the process dies before the step is moved.
            let payload = Payload(subject: nil, fields: Self.permitFields)
            var intent = try await h.store.recordIntent(
                Submission(person: person, enrollment: offer.enrollment, journey: "new-in-sweden", step: "residence-permit", service: Self.permit,
                    fields: ["citizenship", "fullName", "passportNumber", "permitGround"], payload: payload.encoded, createdAt: h.clock.now),
                journal: AccessEntry(at: h.clock.now, person: person, actor: .person, journey: "new-in-sweden", step: "residence-permit",
                    service: Self.permit, action: .send, fields: ["citizenship", "fullName", "passportNumber", "permitGround"], outcome: .intended))
            let adapter = HTTPAgencyAdapter(catalog: h.engine.library.catalog, sandbox: h.root)
            let receipt = try await adapter.submit(ApplicationRequest(service: Self.permit, subject: nil, fields: payload.fields,
                idempotencyKey: intent.id, purpose: offer.purpose))
            intent.state = .submitted
            intent.caseID = receipt.caseID
            intent.attempts = 1
            try await h.store.recordOutcome(intent, journal: AccessEntry(at: h.clock.now, person: person, actor: .person, journey: "new-in-sweden",
                step: "residence-permit", service: Self.permit, action: .send, fields: ["citizenship", "fullName", "passportNumber", "permitGround"], outcome: .completed, detail: receipt.caseID))
            await adapter.shutdown()
            await #expect(try h.status(of: "residence-permit", person).state == .available)

            // The person, not knowing whether it went, submits again.
            h.clock.advance(days: 1.0 / 1440)
            #expect(try await h.submit("residence-permit", person) == receipt.caseID)
            #expect(try await h.cases(Self.permit).map(\.caseId) == [receipt.caseID])
            #expect(try await h.onlySubmission(person).caseID == receipt.caseID)
            await #expect(try h.status(of: "residence-permit", person).progress == .waitingOnAgency(caseReference: receipt.caseID))
        }
    }
}
