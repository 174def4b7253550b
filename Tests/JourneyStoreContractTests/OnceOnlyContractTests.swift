import Foundation
import JourneyModel
import JourneyStore
import Testing

/// Consents and the submission outbox, each written with its journal entry in one transaction.
@Suite("Contract: consents and the submission outbox")
struct OnceOnlyContractTests {
    /// Two enrolled people, p-1 (with an identity) and p-2.
    static func prepare(_ store: any ContractStore) async throws {
        try await store.newEnrolledPerson("p-1", identity: try TestIdentity.personnummer(), enrollment: .fixture("e-1", person: "p-1"))
        try await store.newEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2"))
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

    @discardableResult
    static func record(_ consent: Consent, _ store: any ContractStore) async throws -> Consent {
        try await store.recordConsent(consent, journal: journal(consent.person, consent.decision == .granted ? .consentGranted : .consentRefused,
            detail: consent.id))
        return consent
    }

    static func intent(_ submission: Submission, _ store: any ContractStore) async throws -> Submission {
        try await store.recordIntent(submission, journal: journal(submission.person, .send, detail: submission.id))
    }

    // MARK: Consents

    @Test("consents are stored with their journal entries, listed per person oldest first; one that cannot be stored journals nothing",
        arguments: StoreKind.allCases)
    func recordAndListConsents(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await Self.prepare(store)
            let later = try await Self.record(Self.consent(day: 3), store)
            let earlier = try await Self.record(Self.consent(decision: .refused, day: 2), store)
            let other = try await Self.record(Self.consent("p-2"), store)
            #expect(try await store.consents(person: "p-1") == [earlier, later])
            #expect(try await store.consents(person: "p-2") == [other])
            #expect(try await store.journal(person: "p-1").map(\.detail) == [later.id, earlier.id])

            await #expect(throws: StorageError.self) { try await Self.record(Self.consent("p-nobody"), store) }
            #expect(try await store.journal(person: nil).count == 3)
            #expect(try await store.verifyJournal(expectedHead: nil).isIntact)
        }
    }

    @Test("withdrawing a granted consent marks it once and journals it; refused, foreign or unknown consents change nothing",
        arguments: StoreKind.allCases)
    func withdrawConsent(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await Self.prepare(store)
            let consent = try await Self.record(Self.consent(), store)
            let refused = try await Self.record(Self.consent(decision: .refused, day: 2), store)
            let foreign = try await Self.record(Self.consent("p-2"), store)

            let withdrawn = try #require(try await store.withdrawConsent(id: consent.id, person: "p-1", at: Moment.day(5), actor: .person))
            #expect(withdrawn.withdrawnAt == Moment.day(5))
            #expect(try await store.withdrawConsent(id: consent.id, person: "p-1", at: Moment.day(9), actor: .person) == withdrawn)
            #expect(try await store.withdrawConsent(id: refused.id, person: "p-1", at: Moment.day(9), actor: .person) == refused)
            #expect(try await store.withdrawConsent(id: foreign.id, person: "p-1", at: Moment.day(9), actor: .person) == nil)
            #expect(try await store.withdrawConsent(id: "c-unknown", person: "p-1", at: Moment.day(9), actor: .person) == nil)

            #expect(try await store.consents(person: "p-1") == [withdrawn, refused])
            let journal = try await store.journal(person: "p-1")
            #expect(journal.map(\.action) == [.consentGranted, .consentRefused, .consentWithdrawn])
            #expect(journal.last?.detail == consent.id)
            #expect(journal.last?.fields == ["address", "fullName"])
            #expect(try await store.verifyJournal(expectedHead: nil).isIntact)
        }
    }

    // MARK: Submissions

    @Test("an intent is stored pending with its journal entry; a second intent for the same step returns the first and records nothing",
        arguments: StoreKind.allCases)
    func intentIsIdempotentPerStep(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await Self.prepare(store)
            let first = try await Self.intent(Self.draft(), store)
            #expect(first.state == .pending)
            let second = try await Self.intent(Self.draft(day: 2), store)
            #expect(second == first)
            #expect(try await store.submissions(person: "p-1") == [first])
            #expect(try await store.journal(person: "p-1").map(\.detail) == [first.id])
            let other = try await Self.intent(Self.draft(step: "child-allowance", day: 3), store)
            #expect(try await store.submissions(person: "p-1").map(\.id) == [first.id, other.id])
        }
    }

    @Test("intents for one step recorded at once through two stores leave one pending submission", arguments: StoreKind.allCases)
    func concurrentIntentsLeaveOne(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, first in
            let stores = [first, try await database.open()]
            try await Self.prepare(first)
            let returned = try await withThrowingTaskGroup(of: Submission.self) { group in
                for index in 0..<6 {
                    let store = stores[index % 2]
                    group.addTask { try await Self.intent(Self.draft(day: index), store) }
                }
                return try await group.reduce(into: [Submission]()) { $0.append($1) }
            }
            let stored = try await first.submissions(person: "p-1")
            #expect(stored.count == 1)
            #expect(returned.allSatisfy { $0.id == stored.first?.id })
            #expect(try await first.journal(person: "p-1").count == 1)
        }
    }

    @Test("an outcome is stored with its journal entry; the payload goes once the agency has the case or it failed", arguments: StoreKind.allCases)
    func outcomes(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await Self.prepare(store)
            var submission = try await Self.intent(Self.draft(), store)
            submission.attempts = 1
            submission.lastError = "timeout"
            try await store.recordOutcome(submission, journal: Self.journal("p-1", .send, detail: "timeout"))
            let retrying = try #require(try await store.pendingSubmissions().first)
            #expect(retrying.payload == submission.payload && retrying.lastError == "timeout" && retrying.attempts == 1)

            submission.attempts = 2
            submission.state = .submitted
            submission.caseID = "FK-2026-000001"
            submission.lastError = nil
            submission.updatedAt = Moment.day(2)
            try await store.recordOutcome(submission, journal: Self.journal("p-1", .send, detail: "FK-2026-000001", day: 2))
            let stored = try #require(try await store.submissions(person: "p-1").first)
            #expect(stored.state == .submitted && stored.caseID == "FK-2026-000001" && stored.payload == nil && stored.updatedAt == Moment.day(2))
            #expect(try await store.journal(person: "p-1").map(\.detail) == [submission.id, "timeout", "FK-2026-000001"])
            // No longer pending: the step may be applied for again.
            let next = try await Self.intent(Self.draft(day: 3), store)
            #expect(next.id != submission.id)

            var refused = try await Self.intent(Self.draft("p-2", enrollment: "e-2"), store)
            refused.state = .failed
            refused.lastError = "rejected-422"
            try await store.recordOutcome(refused, journal: Self.journal("p-2", .send, detail: "rejected-422"))
            #expect(try await store.submissions(person: "p-2").first?.payload == nil)

            let stray = Self.draft()
            await #expect(throws: StorageError.self) { try await store.recordOutcome(stray, journal: Self.journal("p-1", .send, detail: "x")) }
            #expect(try await store.journal(person: nil).count == 6)
        }
    }

    @Test("pending submissions lists only pending ones, of every person, oldest first, from any store", arguments: StoreKind.allCases)
    func pendingSubmissionsOnly(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await Self.prepare(store)
            let second = try await Self.intent(Self.draft("p-2", enrollment: "e-2", day: 2), store)
            let first = try await Self.intent(Self.draft(day: 1), store)
            var done = try await Self.intent(Self.draft(step: "child-allowance", day: 0), store)
            done.state = .submitted
            done.caseID = "FK-2026-000002"
            try await store.recordOutcome(done, journal: Self.journal("p-1", .send, detail: done.caseID))
            #expect(try await store.pendingSubmissions().map(\.id) == [first.id, second.id])
            #expect(try await database.open().pendingSubmissions().map(\.id) == [first.id, second.id])
        }
    }
}
