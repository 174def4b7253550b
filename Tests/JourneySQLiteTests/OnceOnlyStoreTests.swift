import Foundation
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

/// Consents and the submission outbox on a real SQLite file, each written with its journal entry in one transaction.
@Suite("Consents and the submission outbox are stored with their journal entries")
struct OnceOnlyStoreTests {
    let database: TemporaryDatabase
    let store: SQLiteJourneyStore

    init() async throws {
        database = try TemporaryDatabase()
        store = try database.open()
        try await store.createEnrolledPerson("p-1", identity: try TestIdentity.personnummer(), enrollment: .fixture("e-1", person: "p-1"))
        try await store.createEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2"))
    }

    static func consent(_ person: PersonID = "p-1", decision: Consent.Decision = .granted, day: Int = 1) -> Consent {
        Consent(person: person, journey: "new-in-sweden", step: "population-registration", service: "skatteverket.population-record",
            direction: .fetch, fields: ["fullName", "address"], decision: decision, decidedAt: Moment.day(day))
    }

    static func journal(_ person: PersonID, _ action: AccessEntry.Action, detail: String?, day: Int = 1) -> AccessEntry {
        AccessEntry(at: Moment.day(day), person: person, actor: .person, journey: "new-in-sweden", step: "social-insurance",
            service: "forsakringskassan.insurance-registration", action: action, fields: ["fullName"], outcome: .completed, detail: detail)
    }

    static func draft(_ person: PersonID = "p-1", enrollment: EnrollmentID = "e-1", step: StepID = "social-insurance", day: Int = 1) -> Submission {
        Submission(person: person, enrollment: enrollment, journey: "new-in-sweden", step: step, service: "forsakringskassan.insurance-registration",
            fields: ["fullName"], payload: #"{"fields":{"name":"x"}}"#, createdAt: Moment.day(day))
    }

    /// Records a consent the way the exchange does: with its journal entry.
    @discardableResult
    func record(_ consent: Consent) async throws -> Consent {
        try await store.recordConsent(consent, journal: Self.journal(consent.person, consent.decision == .granted ? .consentGranted : .consentRefused,
            detail: consent.id))
        return consent
    }

    func intent(_ submission: Submission) async throws -> Submission {
        try await store.recordIntent(submission, journal: Self.journal(submission.person, .send, detail: submission.id))
    }

    // MARK: Consents

    @Test("a consent is stored with its journal entry and listed for its person only, oldest first")
    func recordAndListConsents() async throws {
        let later = try await record(Self.consent(day: 3))
        let earlier = try await record(Self.consent(decision: .refused, day: 2))
        let other = try await record(Self.consent("p-2"))
        await #expect(try store.consents(person: "p-1") == [earlier, later])
        await #expect(try store.consents(person: "p-2") == [other])
        // Field names are kept sorted, so two consents for the same fields compare equal however they were listed.
        #expect(later.fields == ["address", "fullName"])
        await #expect(try store.journal(person: "p-1").map(\.action) == [.consentGranted, .consentRefused])
        await #expect(try store.journal(person: "p-1").map(\.detail) == [later.id, earlier.id])
    }

    @Test("a consent that cannot be stored leaves no journal entry behind")
    func consentAndJournalShareATransaction() async throws {
        await #expect(throws: StorageError.self) { try await record(Self.consent("p-nobody")) }
        await #expect(try store.journal(person: nil).isEmpty)
        await #expect(try store.verifyJournal(expectedHead: nil).isIntact)
    }

    @Test("withdrawing a granted consent marks it withdrawn once and journals it; withdrawing again changes nothing")
    func withdrawConsent() async throws {
        let consent = try await record(Self.consent())
        #expect(consent.allows(["fullName"]))
        let withdrawn = try await #require(try store.withdrawConsent(id: consent.id, person: "p-1", at: Moment.day(5), actor: .person))
        #expect(withdrawn.withdrawnAt == Moment.day(5))
        #expect(withdrawn.allows(["fullName"]) == false)
        await #expect(try store.consents(person: "p-1") == [withdrawn])
        let again = try await store.withdrawConsent(id: consent.id, person: "p-1", at: Moment.day(9), actor: .person)
        #expect(again == withdrawn)
        let journal = try await store.journal(person: "p-1")
        #expect(journal.map(\.action) == [.consentGranted, .consentWithdrawn])
        #expect(journal.last?.detail == consent.id)
        #expect(journal.last?.fields == ["address", "fullName"])
        #expect(journal.last?.at == Moment.day(5))
        await #expect(try store.verifyJournal(expectedHead: nil).isIntact)
    }

    @Test("another person's consent, or an unknown id, cannot be withdrawn")
    func withdrawSomeoneElsesConsent() async throws {
        let consent = try await record(Self.consent("p-2"))
        await #expect(try store.withdrawConsent(id: consent.id, person: "p-1", at: Moment.day(5), actor: .person) == nil)
        await #expect(try store.withdrawConsent(id: "c-unknown", person: "p-1", at: Moment.day(5), actor: .person) == nil)
        await #expect(try store.consents(person: "p-2") == [consent])
        await #expect(try store.journal(person: nil).map(\.action) == [.consentGranted])
    }

    @Test("a refused consent is returned unchanged when withdrawn, and nothing is journaled")
    func withdrawRefusedConsent() async throws {
        let refused = try await record(Self.consent(decision: .refused))
        await #expect(try store.withdrawConsent(id: refused.id, person: "p-1", at: Moment.day(5), actor: .person) == refused)
        await #expect(try store.journal(person: "p-1").map(\.action) == [.consentRefused])
    }

    // MARK: Submissions

    @Test("an intent is stored pending with its journal entry; a second intent for the same step returns the first")
    func intentIsIdempotentPerStep() async throws {
        let first = try await intent(Self.draft())
        #expect(first.state == .pending)
        let second = try await intent(Self.draft(day: 2))
        #expect(second == first)
        await #expect(try store.submissions(person: "p-1") == [first])
        // The repeated intent recorded nothing, not even its journal entry.
        await #expect(try store.journal(person: "p-1").map(\.detail) == [first.id])
        // Another step of the same enrollment has its own submission.
        let other = try await intent(Self.draft(step: "child-allowance", day: 3))
        #expect(other != first)
        await #expect(try store.submissions(person: "p-1").map(\.id) == [first.id, other.id])
    }

    @Test("once the agency has the case, the outcome is stored without the payload, and a new intent may follow")
    func outcomeClearsThePayload() async throws {
        var submission = try await intent(Self.draft())
        #expect(submission.payload != nil)
        submission.attempts = 1
        submission.state = .submitted
        submission.caseID = "FK-2026-000001"
        submission.updatedAt = Moment.day(2)
        try await store.recordOutcome(submission, journal: Self.journal("p-1", .send, detail: "FK-2026-000001", day: 2))
        let stored = try await #require(try store.submissions(person: "p-1").first)
        #expect(stored.state == .submitted)
        #expect(stored.caseID == "FK-2026-000001")
        #expect(stored.payload == nil)
        #expect(stored.attempts == 1)
        #expect(stored.updatedAt == Moment.day(2))
        await #expect(try store.journal(person: "p-1").map(\.detail) == [submission.id, "FK-2026-000001"])
        // No longer pending: the step may be applied for again.
        let next = try await intent(Self.draft(day: 3))
        #expect(next.id != submission.id)
        await #expect(try store.submissions(person: "p-1").count == 2)
    }

    @Test("a submission still pending after a failed call keeps its payload for the retry; a failed one does not")
    func pendingKeepsThePayload() async throws {
        var retrying = try await intent(Self.draft())
        retrying.attempts = 1
        retrying.lastError = "timeout"
        try await store.recordOutcome(retrying, journal: Self.journal("p-1", .send, detail: "timeout"))
        let stillPending = try await #require(try store.pendingSubmissions().first)
        #expect(stillPending.payload == retrying.payload)
        #expect(stillPending.lastError == "timeout")

        var refused = try await intent(Self.draft("p-2", enrollment: "e-2"))
        refused.state = .failed
        refused.lastError = "rejected-422"
        try await store.recordOutcome(refused, journal: Self.journal("p-2", .send, detail: "rejected-422"))
        let failed = try await #require(try store.submissions(person: "p-2").first)
        #expect(failed.state == .failed)
        #expect(failed.payload == nil)
    }

    @Test("the outcome of an unknown submission is refused and journals nothing")
    func outcomeOfUnknownSubmission() async throws {
        let stray = Self.draft()
        await #expect(throws: StorageError.self) { try await store.recordOutcome(stray, journal: Self.journal("p-1", .send, detail: "x")) }
        await #expect(try store.journal(person: nil).isEmpty)
    }

    @Test("pending submissions lists only pending ones, of every person, oldest first")
    func pendingSubmissionsOnly() async throws {
        let second = try await intent(Self.draft("p-2", enrollment: "e-2", day: 2))
        let first = try await intent(Self.draft(day: 1))
        var done = try await intent(Self.draft(step: "child-allowance", day: 0))
        done.state = .submitted
        done.caseID = "FK-2026-000002"
        try await store.recordOutcome(done, journal: Self.journal("p-1", .send, detail: done.caseID))
        await #expect(try store.pendingSubmissions().map(\.id) == [first.id, second.id])
        await #expect(try database.open().pendingSubmissions().map(\.id) == [first.id, second.id])
    }
}
