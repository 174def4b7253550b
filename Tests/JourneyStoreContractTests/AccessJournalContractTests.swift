import Foundation
import JourneyModel
import JourneyStore
import Testing

/// The hash-chained access journal. Tampering is done as an outsider would: raw SQL on the database, behind the
/// store's back.
@Suite("Contract: the access journal is a hash chain that shows edits and deletions")
struct AccessJournalContractTests {
    static func entry(_ number: Int, person: PersonID = "p-1", outcome: AccessEntry.Outcome = .completed) -> AccessEntry {
        AccessEntry(at: Moment.day(number), person: person, actor: .person, journey: "new-in-sweden", step: "population-registration",
            service: "skatteverket.population-record", action: .fetch, fields: ["address", "fullName"], outcome: outcome, detail: "d-\(number)")
    }

    /// Appends `count` entries, one transaction each, and returns the journal as stored.
    @discardableResult
    static func appended(_ count: Int, to store: any ContractStore) async throws -> [AccessEntry] {
        for number in 1...count { try await store.appendJournal([entry(number)]) }
        return try await store.journal(person: nil)
    }

    @Test("entries chain from 64 zeros, read back as written, and verify intact; a kept head verifies after more appends", arguments: StoreKind.allCases)
    func entriesChain(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            #expect(try await store.verifyJournal(expectedHead: nil).isIntact)
            #expect(try await store.verifyJournal(expectedHead: nil).entries == 0)
            try await store.appendJournal([Self.entry(1), Self.entry(2, outcome: .intended)])
            try await store.appendJournal([Self.entry(3, person: "p-2")])
            try await store.appendJournal([])
            let journal = try await store.journal(person: nil)
            #expect(journal.map(\.sequence) == [1, 2, 3])
            #expect(journal.first?.previousHash == JournalChain.genesisHash)
            for (previous, next) in zip(journal, journal.dropFirst()) { #expect(next.previousHash == previous.hash) }
            for entry in journal { #expect(entry.hash == JournalChain.hash(of: entry)) }
            var expected = JournalChain.chain([Self.entry(1), Self.entry(2, outcome: .intended)], after: nil)
            expected += JournalChain.chain([Self.entry(3, person: "p-2")], after: (expected[1].sequence, expected[1].hash))
            #expect(journal == expected)
            #expect(try await store.journal(person: "p-1").map(\.sequence) == [1, 2])
            #expect(try await store.journal(person: "p-3").isEmpty)

            let verification = try await store.verifyJournal(expectedHead: nil)
            #expect(verification.isIntact && verification.entries == 3 && verification.head == journal.last?.hash)
            try await store.appendJournal([Self.entry(4)])
            #expect(try await store.verifyJournal(expectedHead: verification.head).isIntact)
        }
    }

    /// Columns an outsider could change, with a forged value in SQL (names as SQLite spells them).
    static let forgeries: [(column: String, value: String)] = [
        ("fields", "'fullName'"), ("outcome", "'denied'"), ("at", "0"), ("personId", "'p-9'"), ("actor", "'caseworker'"),
        ("journeyId", "NULL"), ("stepId", "'id-card'"), ("serviceId", "'skatteverket.folkbokforing'"), ("agencyId", "'migrationsverket'"),
        ("action", "'send'"), ("detail", "NULL"),
    ]

    @Test("an entry with any column edited is reported as edited", arguments: StoreKind.allCases)
    func editedColumnIsCaught(kind: StoreKind) async throws {
        for (column, value) in Self.forgeries {
            try await withDatabase(kind) { database, store in
                try await Self.appended(4, to: store)
                try await database.execute("UPDATE access_journal SET \(database.column(column)) = \(value) WHERE sequence = 2")
                let verification = try await store.verifyJournal(expectedHead: nil)
                #expect(verification.problem == .edited(sequence: 2), "edited \(column)")
                #expect(verification.entries == 4)
            }
        }
    }

    @Test("a deleted entry shows: in the middle, first, and at the tail against the head kept from before", arguments: StoreKind.allCases)
    func deletionsAreCaught(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            try await Self.appended(5, to: store)
            let kept = try await store.verifyJournal(expectedHead: nil).head
            try await database.execute("DELETE FROM access_journal WHERE sequence = 5")
            // Without the kept head the shortened chain looks whole: that is what the head is kept for.
            #expect(try await store.verifyJournal(expectedHead: nil).isIntact)
            let tail = try await store.verifyJournal(expectedHead: kept)
            #expect(tail.problem == .missing(before: 5))
            #expect(tail.entries == 4)

            try await database.execute("DELETE FROM access_journal WHERE sequence = 3")
            #expect(try await store.verifyJournal(expectedHead: nil).problem == .missing(before: 4))
            try await database.execute("DELETE FROM access_journal WHERE sequence = 1")
            #expect(try await store.verifyJournal(expectedHead: nil).problem == .missing(before: 2))
            try await database.execute("DELETE FROM access_journal")
            #expect(try await store.verifyJournal(expectedHead: kept).problem == .missing(before: 1))
        }
    }

    @Test("an entry rewritten with its hash recomputed breaks the next link; a re-chained tail is caught by the kept head", arguments: StoreKind.allCases)
    func rewrittenEntriesAreCaught(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let journal = try await Self.appended(3, to: store)
            let kept = try await store.verifyJournal(expectedHead: nil).head
            let previousHash = database.column("previousHash")

            let forged = Self.forged(journal[1], outcome: .noMatch, after: journal[1].previousHash)
            try await database.execute("UPDATE access_journal SET outcome = 'noMatch', hash = '\(forged.hash)' WHERE sequence = 2")
            #expect(try await store.verifyJournal(expectedHead: nil).problem == .brokenLink(sequence: 3))

            // The forger re-chains everything after the entry they changed.
            var previous = forged.hash
            for original in journal.dropFirst(2) {
                let rechained = Self.forged(original, outcome: original.outcome, after: previous)
                try await database.execute(
                    "UPDATE access_journal SET \(previousHash) = '\(rechained.previousHash)', hash = '\(rechained.hash)' WHERE sequence = \(original.sequence)")
                previous = rechained.hash
            }
            #expect(try await store.verifyJournal(expectedHead: nil).isIntact)
            #expect(try await store.verifyJournal(expectedHead: kept).isIntact == false)
        }
    }

    @Test("appends from many concurrent tasks through two stores keep one unbroken chain", arguments: StoreKind.allCases)
    func concurrentAppendsKeepOneChain(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, first in
            let stores = [first, try await database.open()]
            let writers = 8
            let entriesPerWriter = 6
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    let store = stores[writer % stores.count]
                    group.addTask {
                        for number in 1...entriesPerWriter {
                            try await store.appendJournal([Self.entry(number, person: PersonID("p-\(writer)"))])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let verification = try await stores[1].verifyJournal(expectedHead: nil)
            #expect(verification.isIntact)
            #expect(verification.entries == writers * entriesPerWriter)
            #expect(try await first.journal(person: nil).map(\.sequence) == (1...Int64(writers * entriesPerWriter)).map { $0 })
            for writer in 0..<writers {
                #expect(try await first.journal(person: PersonID("p-\(writer)")).map(\.detail) == (1...entriesPerWriter).map { "d-\($0)" })
            }
        }
    }

    /// `original` with another outcome, chained after `previousHash` and hashed as a store would: what a forger who
    /// knows the hashing scheme writes.
    static func forged(_ original: AccessEntry, outcome: AccessEntry.Outcome, after previousHash: String) -> AccessEntry {
        var forged = AccessEntry(at: original.at, person: original.person, actor: original.actor, journey: original.journey, step: original.step,
            service: original.service, action: original.action, fields: original.fields, outcome: outcome, detail: original.detail)
        forged.sequence = original.sequence
        forged.previousHash = previousHash
        forged.hash = JournalChain.hash(of: forged)
        return forged
    }
}
