import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: the reminders' outbox is claimed once at a time, retried when due, and settled with a journal entry")
struct ReminderOutboxContractTests {
    static let lease: Duration = .seconds(60)

    /// Claims at `at` for `claimant`, in id order.
    static func claim(_ store: any ContractStore, _ claimant: String, at: Date, limit: Int = 10) async throws -> [ReminderDelivery] {
        try await store.claimReminderDeliveries(limit: limit, claimant: claimant, at: at, lease: lease)
    }

    static func entry(_ reminder: Reminder, at: Date, outcome: AccessEntry.Outcome) -> AccessEntry {
        AccessEntry(at: at, person: reminder.person, actor: .system, journey: reminder.journey, step: reminder.step, service: nil, action: .remind,
            fields: [], outcome: outcome, detail: outcome == .completed ? reminder.kind.rawValue : "status-500")
    }

    @Test("every new reminder is in the outbox; a claim keeps it from others until it lapses", arguments: StoreKind.allCases)
    func claimsHoldUntilTheyLapse(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await DeadlineContractTests.populate(store)
            _ = try await store.fireDueTimers(at: Moment.day(1), limit: 100)
            let now = Moment.day(1)
            let first = try await Self.claim(store, "a", at: now, limit: 2)
            #expect(first.count == 2)
            #expect(first.allSatisfy { $0.attempts == 0 })
            let other = try await database.open()
            let second = try await Self.claim(other, "b", at: now)
            #expect(second.count == 1)
            #expect(Set(first.map(\.reminder.id)).isDisjoint(with: second.map(\.reminder.id)))
            #expect(try await Self.claim(store, "c", at: now.addingTimeInterval(59)).isEmpty)
            // The claimants died: their claims lapse and every reminder is claimed again, nothing lost.
            let again = try await Self.claim(store, "c", at: now.addingTimeInterval(60))
            #expect(Set(again.map(\.reminder.id)) == Set((first + second).map(\.reminder.id)))
            #expect(again.first?.reminder.enrollment != nil && again.allSatisfy { $0.reminder.kind == .soon })
        }
    }

    @Test("a retry waits for its next attempt; delivered and failed settle a reminder with its journal entry; a lapsed claim is not recorded",
        arguments: StoreKind.allCases)
    func retryDeliverAndFail(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await DeadlineContractTests.populate(store)
            _ = try await store.fireDueTimers(at: Moment.day(1), limit: 100)
            let now = Moment.day(1)
            let claimed = try await Self.claim(store, "a", at: now)
            #expect(claimed.count == 3)
            let (retried, failing) = (claimed[0].reminder, claimed[1].reminder)
            #expect(try await store.recordReminderDelivery(retried.id, claimant: "a", outcome: .retry(next: now.addingTimeInterval(30), error: "status-503"),
                at: now))
            // Ended claims are free again, but not before the next attempt is due.
            #expect(try await Self.claim(store, "b", at: now.addingTimeInterval(29)).isEmpty)
            let retry = try await Self.claim(store, "b", at: now.addingTimeInterval(30))
            #expect(retry.map(\.reminder.id) == [retried.id])
            #expect(retry.first?.attempts == 1)

            // "a"'s claim on it was taken over: what "a" says now is dropped.
            #expect(try await !store.recordReminderDelivery(retried.id, claimant: "a", outcome: .delivered(journal: Self.entry(retried, at: now, outcome: .completed)),
                at: now.addingTimeInterval(31)))
            #expect(try await store.recordReminderDelivery(retried.id, claimant: "b",
                outcome: .delivered(journal: Self.entry(retried, at: now.addingTimeInterval(31), outcome: .completed)), at: now.addingTimeInterval(31)))
            #expect(try await !store.recordReminderDelivery(retried.id, claimant: "b", outcome: .retry(next: now, error: "late"), at: now.addingTimeInterval(32)))
            #expect(try await store.recordReminderDelivery(failing.id, claimant: "a",
                outcome: .failed(error: "status-500", journal: Self.entry(failing, at: now.addingTimeInterval(40), outcome: .failed)), at: now.addingTimeInterval(40)))

            // Settled reminders are never claimed again; the third one, whose claim lapsed, is.
            let later = try await Self.claim(store, "c", at: Moment.day(30))
            #expect(later.map(\.reminder.id) == [claimed[2].reminder.id])
            #expect(try await database.number("SELECT CAST(count(*) AS double precision) FROM reminder WHERE delivery = 'delivered' AND attempts = 2") == 1)
            #expect(try await database.number("SELECT CAST(count(*) AS double precision) FROM reminder WHERE delivery = 'failed' AND attempts = 1") == 1)

            let journal = try await store.journal(person: retried.person).filter { $0.action == .remind }
            #expect(journal.map(\.outcome) == [.completed])
            #expect(journal.first?.step == retried.step && journal.first?.fields == [] && journal.first?.actor == .system)
            #expect(try await store.journal(person: failing.person).filter { $0.action == .remind }.map(\.detail) == ["status-500"])
            #expect(try await store.verifyJournal(expectedHead: nil).problem == nil)
        }
    }

    @Test("two nodes claiming at the same moment never claim one reminder twice", arguments: StoreKind.allCases)
    func twoNodesClaimEachOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            for index in 0..<40 {
                try await store.newEnrolledPerson(PersonID("p-\(index)"), enrollment: .fixture(EnrollmentID("e-\(index)"), person: PersonID("p-\(index)"),
                    steps: ["registration": StoredStep(progress: nil, state: .available, since: Moment.start, due: Moment.day(5))]))
            }
            _ = try await store.fireDueTimers(at: Moment.day(1), limit: 100)
            let other = try await database.open()
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for (name, node) in [("a", store), ("b", other)] {
                    group.addTask {
                        var ids: [Int64] = []
                        while true {
                            let batch = try await Self.claim(node, name, at: Moment.day(1), limit: 3)
                            if batch.isEmpty { return ids }
                            ids += batch.map(\.reminder.id)
                        }
                    }
                }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }
            }
            #expect(claimed.count == 40)
            #expect(Set(claimed).count == 40)
        }
    }
}
