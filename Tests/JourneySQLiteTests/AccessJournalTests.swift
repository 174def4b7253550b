import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

/// The hash-chained access journal on a real SQLite file. Tampering is done as an outsider would: a second,
/// plain GRDB connection to the same file that edits or deletes rows behind the store's back.
@Suite("The access journal is a hash chain that shows edits and deletions")
struct AccessJournalTests {
    let database: TemporaryDatabase
    let store: SQLiteJourneyStore

    init() throws {
        database = try TemporaryDatabase()
        store = try database.open()
    }

    /// One lookup's worth of entries for `person`: intent and outcome, field names only.
    static func entry(_ number: Int, person: PersonID = "p-1", outcome: AccessEntry.Outcome = .completed) -> AccessEntry {
        AccessEntry(at: Moment.day(number), person: person, actor: .person, journey: "new-in-sweden", step: "population-registration",
            service: "skatteverket.population-record", action: .fetch, fields: ["address", "fullName"], outcome: outcome,
            detail: "d-\(number)")
    }

    /// Appends `count` entries, one transaction each, and returns the journal as stored.
    @discardableResult
    func appended(_ count: Int) async throws -> [AccessEntry] {
        for number in 1...count { try await store.appendJournal([Self.entry(number)]) }
        return try await store.journal(person: nil)
    }

    /// `original` with another outcome, chained after `previousHash` and hashed as the store would: what a forger
    /// who knows the hashing scheme writes.
    static func forged(_ original: AccessEntry, outcome: AccessEntry.Outcome, after previousHash: String) -> AccessEntry {
        var forged = AccessEntry(at: original.at, person: original.person, actor: original.actor, journey: original.journey, step: original.step,
            service: original.service, action: original.action, fields: original.fields, outcome: outcome, detail: original.detail)
        forged.sequence = original.sequence
        forged.previousHash = previousHash
        forged.hash = JournalChain.hash(of: forged)
        return forged
    }

    /// Runs raw SQL on the file through a connection of its own, bypassing the store.
    func tamper(_ sql: String, _ arguments: StatementArguments = []) throws {
        let outsider = try DatabaseQueue(path: database.path)
        try outsider.write { db in try db.execute(sql: sql, arguments: arguments) }
        try outsider.close()
    }

    @Test("each entry holds the hash of the one before it, and the first holds 64 zeros")
    func entriesChain() async throws {
        try await store.appendJournal([Self.entry(1), Self.entry(2, outcome: .intended)])
        try await store.appendJournal([Self.entry(3)])
        let journal = try await store.journal(person: nil)
        #expect(journal.map(\.sequence) == [1, 2, 3])
        #expect(journal.first?.previousHash == String(repeating: "0", count: 64))
        for (previous, next) in zip(journal, journal.dropFirst()) {
            #expect(next.previousHash == previous.hash, "entry \(next.sequence)")
        }
        for entry in journal {
            #expect(entry.hash.count == 64 && entry.hash.allSatisfy(\.isHexDigit), "entry \(entry.sequence)")
            #expect(entry.hash == JournalChain.hash(of: entry), "entry \(entry.sequence)")
        }
        // What was appended reads back as it was, with field names only.
        #expect(journal[1].outcome == .intended)
        #expect(journal[0].fields == ["address", "fullName"])
        #expect(journal[0].detail == "d-1")
        #expect(journal[0].at == Moment.day(1))
    }

    @Test("an untouched journal verifies intact, and its head is the last entry's hash")
    func untouchedJournalIsIntact() async throws {
        #expect(try await store.verifyJournal(expectedHead: nil) == JournalVerification(entries: 0, head: String(repeating: "0", count: 64), problem: nil))
        let journal = try await appended(4)
        let verification = try await store.verifyJournal(expectedHead: nil)
        #expect(verification.isIntact)
        #expect(verification.entries == 4)
        #expect(verification.head == journal.last?.hash)
        // A head kept from an earlier check still verifies after more entries are appended.
        try await store.appendJournal([Self.entry(5)])
        await #expect(try store.verifyJournal(expectedHead: verification.head).isIntact)
    }

    /// Every column an outsider could change, with a plausible forged value (each still reads back as an entry).
    static let forgeries: [(column: String, value: String)] = [
        ("fields", "'fullName'"), ("outcome", "'denied'"), ("at", "0"), ("personId", "'p-9'"), ("actor", "'caseworker'"),
        ("journeyId", "NULL"), ("stepId", "'id-card'"), ("serviceId", "'skatteverket.folkbokforing'"), ("agencyId", "'migrationsverket'"),
        ("action", "'send'"), ("detail", "NULL"),
    ]

    @Test("an entry with any column edited is reported as edited", arguments: forgeries)
    func editedColumnIsCaught(column: String, value: String) async throws {
        try await appended(4)
        try tamper("UPDATE access_journal SET \(column) = \(value) WHERE sequence = 2")
        let verification = try await store.verifyJournal(expectedHead: nil)
        #expect(verification.problem == .edited(sequence: 2), "edited \(column)")
        #expect(verification.entries == 4)
    }

    @Test("a deleted entry in the middle is reported as missing before the next one")
    func deletedMiddleRowIsCaught() async throws {
        try await appended(5)
        try tamper("DELETE FROM access_journal WHERE sequence = 3")
        let verification = try await store.verifyJournal(expectedHead: nil)
        #expect(verification.problem == .missing(before: 4))
        #expect(verification.entries == 4)
    }

    @Test("a deleted first entry is reported as missing")
    func deletedFirstRowIsCaught() async throws {
        try await appended(3)
        try tamper("DELETE FROM access_journal WHERE sequence = 1")
        await #expect(try store.verifyJournal(expectedHead: nil).problem == .missing(before: 2))
    }

    @Test("a deleted last entry is caught when verified against the head kept from before")
    func deletedTailIsCaughtWithKeptHead() async throws {
        try await appended(3)
        let kept = try await store.verifyJournal(expectedHead: nil).head
        try tamper("DELETE FROM access_journal WHERE sequence = 3")
        // Without the kept head the shortened chain looks whole: that is what the head is kept for.
        await #expect(try store.verifyJournal(expectedHead: nil).isIntact)
        let verification = try await store.verifyJournal(expectedHead: kept)
        #expect(verification.problem == .missing(before: 3))
        #expect(verification.entries == 2)
    }

    @Test("a journal emptied entirely is caught when verified against the head kept from before")
    func emptiedJournalIsCaughtWithKeptHead() async throws {
        try await appended(2)
        let kept = try await store.verifyJournal(expectedHead: nil).head
        try tamper("DELETE FROM access_journal")
        await #expect(try store.verifyJournal(expectedHead: kept).problem == .missing(before: 1))
    }

    @Test("an entry rewritten with its own hash recomputed breaks the link of the next one")
    func rewrittenRowWithRecomputedHashBreaksTheNextLink() async throws {
        let journal = try await appended(4)
        // The forger changes the outcome and recomputes that entry's hash, but cannot fix the next entry's
        // previousHash without recomputing its hash as well.
        let forged = Self.forged(journal[1], outcome: .noMatch, after: journal[1].previousHash)
        try tamper("UPDATE access_journal SET outcome = ?, hash = ? WHERE sequence = 2", [forged.outcome.rawValue, forged.hash])
        await #expect(try store.verifyJournal(expectedHead: nil).problem == .brokenLink(sequence: 3))
    }

    @Test("rewriting an entry and every hash after it is caught by the head kept from before")
    func rewrittenTailIsCaughtWithKeptHead() async throws {
        let journal = try await appended(3)
        let kept = try await store.verifyJournal(expectedHead: nil).head
        // The forger rewrites entry 2 and re-chains everything after it.
        var previous = journal[0].hash
        for original in journal.dropFirst() {
            let forged = Self.forged(original, outcome: original.sequence == 2 ? .denied : original.outcome, after: previous)
            try tamper("UPDATE access_journal SET outcome = ?, previousHash = ?, hash = ? WHERE sequence = ?",
                [forged.outcome.rawValue, forged.previousHash, forged.hash, forged.sequence])
            previous = forged.hash
        }
        await #expect(try store.verifyJournal(expectedHead: nil).isIntact)
        await #expect(try store.verifyJournal(expectedHead: kept).isIntact == false)
    }

    @Test("concurrent appends from two stores on one file keep one unbroken chain")
    func concurrentAppendsKeepOneChain() async throws {
        let stores = [store, try database.open()]
        let writers = 4
        let entriesPerWriter = 15
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
        let verification = try await database.open().verifyJournal(expectedHead: nil)
        #expect(verification.isIntact)
        #expect(verification.entries == writers * entriesPerWriter)
        let journal = try await store.journal(person: nil)
        #expect(journal.map(\.sequence) == (1...Int64(writers * entriesPerWriter)).map { $0 })
        for writer in 0..<writers {
            await #expect(try store.journal(person: PersonID("p-\(writer)")).count == entriesPerWriter, "writer \(writer)")
        }
    }

    @Test("one person's journal lists only their entries, oldest first")
    func journalPerPerson() async throws {
        try await store.appendJournal([Self.entry(1, person: "p-1"), Self.entry(2, person: "p-2"), Self.entry(3, person: "p-1")])
        await #expect(try store.journal(person: "p-1").map(\.sequence) == [1, 3])
        await #expect(try store.journal(person: "p-2").map(\.detail) == ["d-2"])
        await #expect(try store.journal(person: "p-3").isEmpty)
        try await store.appendJournal([])
        await #expect(try store.journal(person: nil).count == 3)
    }
}
