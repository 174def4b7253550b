import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: reminders are made once per step and kind, in the transaction that fires their timer")
struct ReminderContractTests {
    /// The person's news as "step/kind", newest first.
    static func news(_ store: any ContractStore, _ person: PersonID) async throws -> [String] {
        try await store.reminders(of: person).map { "\($0.step)/\($0.kind)" }
    }

    @Test("a due-soon timer makes a soon reminder and the due timer an overdue one, newest first, with the step's due moment", arguments: StoreKind.allCases)
    func soonThenOverdue(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await DeadlineContractTests.populate(store)
            _ = try await store.fireDueTimers(at: Moment.day(1), limit: 100)
            #expect(try await Self.news(store, "p-2") == ["registration/soon", "bank/soon"])
            #expect(try await Self.news(store, "p-3") == ["registration/soon"])
            _ = try await store.fireDueTimers(at: Moment.day(3), limit: 100)
            let reopened = try await database.open()
            let news = try await reopened.reminders(of: "p-3")
            #expect(news.map(\.kind) == [.overdue, .soon])
            #expect(news.allSatisfy { $0.due == Moment.day(2) && $0.journey == "new-in-sweden" && $0.enrollment == "e-3" && $0.readAt == nil })
            #expect(news.map(\.createdAt) == [Moment.day(3), Moment.day(1)])
            // Nobody else's steps, and nothing for a person without due steps.
            #expect(try await reopened.reminders(of: "p-4").isEmpty)
        }
    }

    @Test("a step already overdue when its due-soon timer fires gets the overdue reminder only", arguments: StoreKind.allCases)
    func lateSoonTimerMakesNoSoonReminder(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await DeadlineContractTests.populate(store)
            _ = try await store.fireDueTimers(at: Moment.day(6), limit: 100)
            #expect(try await Self.news(store, "p-3") == ["registration/overdue"])
            #expect(try await Self.news(store, "p-2").sorted() == ["bank/overdue", "registration/overdue"])
        }
    }

    @Test("a deadline that moves after its reminders fire the timers again but makes no second reminder of a kind", arguments: StoreKind.allCases)
    func movedDeadlineRemindsOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await DeadlineContractTests.populate(store)
            _ = try await store.fireDueTimers(at: Moment.day(1), limit: 100)
            _ = try await store.fireDueTimers(at: Moment.day(3), limit: 100)
            _ = try await store.transact(person: "p-3") { snapshot in
                snapshot.enrollments[0].steps["registration"]?.due = Moment.day(10)
                snapshot.enrollments[0].revision += 1
                return []
            }
            #expect(try await store.fireDueTimers(at: Moment.day(11), limit: 100).contains { $0.enrollment == "e-3" })
            #expect(try await Self.news(store, "p-3") == ["registration/overdue", "registration/soon"])
        }
    }

    @Test("two nodes firing due-soon timers at the same moment make each person's reminder exactly once", arguments: StoreKind.allCases)
    func twoNodesRemindOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            for index in 0..<40 {
                let due = Moment.day(5).addingTimeInterval(Double(index))
                try await store.newEnrolledPerson(PersonID("p-\(index)"), enrollment: .fixture(EnrollmentID("e-\(index)"), person: PersonID("p-\(index)"),
                    steps: ["registration": StoredStep(progress: nil, state: .available, since: Moment.start, due: due)]))
            }
            let other = try await database.open()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for node in [store, other] {
                    group.addTask {
                        while try await !node.fireDueTimers(at: Moment.day(1), limit: 3).isEmpty {}
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await database.count("reminder") == 40)
            for index in 0..<40 { #expect(try await Self.news(store, PersonID("p-\(index)")) == ["registration/soon"]) }
        }
    }

    @Test("marking read: the person's own reminder only, and the first moment is kept", arguments: StoreKind.allCases)
    func markRead(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await DeadlineContractTests.populate(store)
            _ = try await store.fireDueTimers(at: Moment.day(1), limit: 100)
            let reminder = try #require(try await store.reminders(of: "p-3").first)
            #expect(try await store.markReminderRead(reminder.id, of: "p-2", at: Moment.day(2)) == nil)
            #expect(try await store.markReminderRead(reminder.id + 1000, of: "p-3", at: Moment.day(2)) == nil)
            #expect(try await store.reminders(of: "p-3").first?.readAt == nil)
            #expect(try await store.markReminderRead(reminder.id, of: "p-3", at: Moment.day(2))?.readAt == Moment.day(2))
            #expect(try await store.markReminderRead(reminder.id, of: "p-3", at: Moment.day(3))?.readAt == Moment.day(2))
            #expect(try await store.reminders(of: "p-3").first?.readAt == Moment.day(2))
            #expect(try await store.reminders(of: "p-2").allSatisfy { $0.readAt == nil })
        }
    }
}
