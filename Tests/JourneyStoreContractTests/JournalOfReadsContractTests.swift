import Foundation
import JourneyModel
import JourneyStore
import Testing

/// Entries of requests through the API (reads, changes, refusals): a requester and a route instead of an agency
/// service, in the same hash chain as the agency exchange.
@Suite("Contract: the access journal keeps who read or changed a person's data through the API")
struct JournalOfReadsContractTests {
    static func read(_ number: Int, person: PersonID = "p-1", role: AccessRequester.Role = .caseworker, outcome: AccessEntry.Outcome = .completed)
        -> AccessEntry
    {
        AccessEntry.request(at: Moment.day(number), person: person,
            requester: AccessRequester(token: "tk-\(number)", role: role, purpose: "GET /v1/enrollments/{enrollmentId}"), journey: "new-in-sweden",
            action: .read, outcome: outcome, detail: outcome == .refused ? "forbidden" : nil)
    }

    @Test("a request's entry reads back with its requester and no service, and chains with exchange entries", arguments: StoreKind.allCases)
    func requestEntriesReadBack(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let exchange = AccessJournalContractTests.entry(1)
            try await store.appendJournal([exchange, Self.read(2), Self.read(3, role: .citizen, outcome: .refused)])
            let journal = try await store.journal(person: "p-1")
            #expect(journal == JournalChain.chain([exchange, Self.read(2), Self.read(3, role: .citizen, outcome: .refused)], after: nil))
            #expect(journal[1].service == nil && journal[1].agency == nil && journal[1].fields.isEmpty)
            #expect(journal[1].requester == AccessRequester(token: "tk-2", role: .caseworker, purpose: "GET /v1/enrollments/{enrollmentId}"))
            #expect(journal[2].actor == .person && journal[2].outcome == .refused && journal[2].detail == "forbidden")
            #expect(try await store.verifyJournal(expectedHead: nil).isIntact)
        }
    }

    @Test("an entry whose requester, route or role was edited is reported as edited", arguments: StoreKind.allCases)
    func editedRequesterIsCaught(kind: StoreKind) async throws {
        for (column, value) in [("requesterToken", "'tk-9'"), ("requesterRole", "'person'"), ("purpose", "'GET /v1/journeys'"),
            ("serviceId", "'skatteverket.folkbokforing'"), ("outcome", "'completed'")]
        {
            try await withDatabase(kind) { database, store in
                try await store.appendJournal([Self.read(1), Self.read(2, role: .citizen, outcome: .refused), Self.read(3)])
                try await database.execute("UPDATE access_journal SET \(database.column(column)) = \(value) WHERE sequence = 2")
                #expect(try await store.verifyJournal(expectedHead: nil).problem == .edited(sequence: 2), "edited \(column)")
            }
        }
    }

    @Test("an exchange entry cannot be passed off as a request: adding a requester to it breaks its hash", arguments: StoreKind.allCases)
    func requesterAddedIsCaught(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await store.appendJournal([AccessJournalContractTests.entry(1), AccessJournalContractTests.entry(2)])
            let (token, role) = (database.column("requesterToken"), database.column("requesterRole"))
            try await database.execute("UPDATE access_journal SET \(token) = 'tk-1', \(role) = 'person', purpose = 'GET /v1/people/{personId}' WHERE sequence = 1")
            #expect(try await store.verifyJournal(expectedHead: nil).problem == .edited(sequence: 1))
        }
    }

    @Test("a person's journal reads a page at a time after a sequence, oldest first, and skips other people's entries", arguments: StoreKind.allCases)
    func pagesFollowTheSequence(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            for number in 1...7 { try await store.appendJournal([Self.read(number, person: number.isMultiple(of: 3) ? "p-2" : "p-1")]) }
            let first = try await store.journal(person: "p-1", after: 0, limit: 2)
            #expect(first.map(\.sequence) == [1, 2])
            let second = try await store.journal(person: "p-1", after: 2, limit: 2)
            #expect(second.map(\.sequence) == [4, 5])
            #expect(try await store.journal(person: "p-1", after: 5, limit: 2).map(\.sequence) == [7])
            #expect(try await store.journal(person: "p-1", after: 7, limit: 2).isEmpty)
            #expect(try await store.journal(person: "p-2", after: 0, limit: 10).map(\.sequence) == [3, 6])
            #expect(try await store.journal(person: "p-1", after: 0, limit: 10) == (try await store.journal(person: "p-1")))
        }
    }

    @Test("reads journaled by many concurrent writers through two stores, with exchange entries among them, keep one unbroken chain",
        arguments: StoreKind.allCases)
    func concurrentReadsKeepOneChain(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, first in
            let stores = [first, try await database.open()]
            let writers = 8
            let rounds = 5
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    let store = stores[writer % stores.count]
                    group.addTask {
                        for round in 1...rounds {
                            // A batch of a page's reads, as a caseworker list writes them, or one exchange entry.
                            let entries =
                                writer.isMultiple(of: 4)
                                ? [AccessJournalContractTests.entry(round, person: PersonID("p-\(writer)"))]
                                : (0..<3).map { Self.read(round, person: PersonID("p-\(writer)-\($0)")) }
                            try await store.appendJournal(entries)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let expected = (0..<writers).reduce(0) { $0 + ($1.isMultiple(of: 4) ? 1 : 3) } * rounds
            let verification = try await stores[1].verifyJournal(expectedHead: nil)
            #expect(verification.isIntact)
            #expect(verification.entries == expected)
            #expect(try await first.journal(person: nil).map(\.sequence) == (1...Int64(expected)).map { $0 })
        }
    }
}
