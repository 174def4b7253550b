import Foundation
import JourneyModel
import JourneyStore
import Testing

/// After a crash every node (or every process on one SQLite file) may try to finish the same pending submissions;
/// claims make sure each is sent by one of them.
@Suite("Contract: claiming pending submissions")
struct SubmissionClaimContractTests {
    @Test("pending submissions are claimed by one store each; a claim ends with the outcome or when it lapses", arguments: StoreKind.allCases)
    func claimsAreExclusive(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, first in
            let second = try await database.open()
            try await OnceOnlyContractTests.prepare(first)
            var ids: [String] = []
            for (index, step) in ["a", "b", "c", "d", "e", "f"].enumerated() {
                ids.append(try await OnceOnlyContractTests.intent(OnceOnlyContractTests.draft(step: StepID(step), day: index), first).id)
            }

            async let one = first.claimPendingSubmissions(of: nil, limit: 4, claimant: "node-1", at: Moment.day(10), lease: .seconds(60))
            async let two = second.claimPendingSubmissions(of: nil, limit: 4, claimant: "node-2", at: Moment.day(10), lease: .seconds(60))
            let (claimedByOne, claimedByTwo) = try await (one, two)
            let claimed = claimedByOne.map(\.id) + claimedByTwo.map(\.id)
            #expect(claimed.count == 6 && Set(claimed) == Set(ids))
            #expect(try await first.claimPendingSubmissions(of: nil, limit: 10, claimant: "node-3", at: Moment.day(10), lease: .seconds(60)).isEmpty)

            // The outcome ends a claim: still pending, the submission may be claimed again at once.
            var retried = try #require(claimedByOne.first)
            retried.attempts = 1
            retried.lastError = "timeout"
            try await first.recordOutcome(retried, journal: OnceOnlyContractTests.journal("p-1", .send, detail: "timeout"))
            let again = try await second.claimPendingSubmissions(of: nil, limit: 10, claimant: "node-2", at: Moment.day(10), lease: .seconds(60))
            #expect(again.map(\.id) == [retried.id])

            // A node that died holding claims lets them go when the lease lapses.
            let lapsed = try await second.claimPendingSubmissions(of: nil, limit: 10, claimant: "node-2", at: Moment.day(11), lease: .seconds(60))
            #expect(Set(lapsed.map(\.id)) == Set(ids))
            #expect(lapsed.map(\.createdAt) == lapsed.map(\.createdAt).sorted())
        }
    }

    @Test("a claim for one person leaves everyone else's submissions unclaimed", arguments: StoreKind.allCases)
    func claimForOnePerson(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await OnceOnlyContractTests.prepare(store)
            let mine = try await OnceOnlyContractTests.intent(OnceOnlyContractTests.draft("p-1", enrollment: "e-1", day: 1), store)
            let theirs = try await OnceOnlyContractTests.intent(OnceOnlyContractTests.draft("p-2", enrollment: "e-2", day: 2), store)
            let claimed = try await store.claimPendingSubmissions(of: "p-1", limit: 10, claimant: "guide", at: Moment.day(3), lease: .seconds(60))
            #expect(claimed.map(\.id) == [mine.id])
            let rest = try await store.claimPendingSubmissions(of: nil, limit: 10, claimant: "server", at: Moment.day(3), lease: .seconds(60))
            #expect(rest.map(\.id) == [theirs.id])
        }
    }

    @Test("an outcome for a submission another store already finished is refused as a conflict and changes nothing",
        arguments: StoreKind.allCases)
    func secondOutcomeConflicts(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await OnceOnlyContractTests.prepare(store)
            var submission = try await OnceOnlyContractTests.intent(OnceOnlyContractTests.draft(day: 1), store)
            submission.state = .submitted
            submission.caseID = "FK-1"
            try await store.recordOutcome(submission, journal: OnceOnlyContractTests.journal("p-1", .send, detail: "FK-1"))
            let entries = try await store.journal(person: nil).count
            var late = submission
            late.caseID = "FK-2"
            let error = await #expect(throws: StorageError.self) {
                try await store.recordOutcome(late, journal: OnceOnlyContractTests.journal("p-1", .send, detail: "FK-2"))
            }
            #expect(error?.code == .conflict)
            #expect(try await store.submissions(person: "p-1").map(\.caseID) == ["FK-1"])
            #expect(try await store.journal(person: nil).count == entries)
        }
    }
}
