import Foundation
import JourneyModel
import JourneyStore
import Testing

/// Mandates and the representation recorded on what is done under one, the same on every store.
@Suite("Contract: mandates, and who acted under one, are kept and read back")
struct MandateContractTests {
    static func mandate(_ id: String = "md-1", grantor: PersonID = "p-1", representative: PersonID = "p-2", withdrawnAt: Date? = nil) -> Mandate {
        Mandate(id: id, grantor: grantor, representative: representative, journeys: ["new-in-sweden", "having-a-baby"],
            services: ["skatteverket.folkbokforing"], validFrom: Moment.day(1), validUntil: Moment.day(30), grantedAt: Moment.day(0, hour: 9),
            withdrawnAt: withdrawnAt)
    }

    static func told(_ action: AccessEntry.Action, _ person: PersonID, at: Date) -> AccessEntry {
        AccessEntry(at: at, person: person, actor: .person, journey: nil, step: nil, service: nil, action: action, fields: [], outcome: .completed,
            detail: "md-1")
    }

    @Test("a granted mandate reads back by id and for both people, with the entries that told them", arguments: StoreKind.allCases)
    func grantReadsBack(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let mandate = Self.mandate()
            try await store.grantMandate(mandate, journal: [Self.told(.mandateGranted, "p-1", at: Moment.day(0)), Self.told(.mandateGranted, "p-2", at: Moment.day(0))])
            try await store.grantMandate(Self.mandate("md-2", grantor: "p-3", representative: "p-4"), journal: [])
            let reopened = try await database.open()
            #expect(try await reopened.mandate(id: "md-1") == mandate)
            #expect(try await reopened.mandate(id: "md-9") == nil)
            #expect(try await reopened.mandates(of: "p-1") == [mandate])
            #expect(try await reopened.mandates(of: "p-2") == [mandate])
            #expect(try await reopened.mandates(of: "p-5").isEmpty)
            #expect(try await reopened.journal(person: "p-1").map(\.action) == [.mandateGranted])
            #expect(try await reopened.journal(person: "p-2").map(\.detail) == ["md-1"])
        }
    }

    @Test("a mandate is withdrawn once, only by its grantor, and the withdrawal is journaled once", arguments: StoreKind.allCases)
    func withdrawOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            try await store.grantMandate(Self.mandate(), journal: [])
            let told = [Self.told(.mandateWithdrawn, "p-1", at: Moment.day(5)), Self.told(.mandateWithdrawn, "p-2", at: Moment.day(5))]
            #expect(try await store.withdrawMandate(id: "md-1", grantor: "p-2", at: Moment.day(5), journal: told) == nil)
            #expect(try await store.journal(person: "p-1").isEmpty)
            let withdrawn = try await store.withdrawMandate(id: "md-1", grantor: "p-1", at: Moment.day(5), journal: told)
            #expect(withdrawn == Self.mandate(withdrawnAt: Moment.day(5)))
            let again = try await store.withdrawMandate(id: "md-1", grantor: "p-1", at: Moment.day(6), journal: told)
            #expect(again?.withdrawnAt == Moment.day(5))
            #expect(try await store.mandate(id: "md-1")?.withdrawnAt == Moment.day(5))
            #expect(try await store.journal(person: "p-1").map(\.action) == [.mandateWithdrawn])
        }
    }

    @Test("an event and a journal entry made under a mandate read back naming the representative and the mandate", arguments: StoreKind.allCases)
    func representationReadsBack(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let acting = Representation(representative: "p-2", mandate: "md-1")
            _ = try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))
            _ = try await store.transact(person: "p-1") { _ in
                [JourneyEvent(enrollment: "e-1", at: Moment.day(3), actor: .person, kind: .factRecorded, fact: "citizenship", detail: "person",
                    representation: acting)]
            }
            let entry = AccessEntry.request(at: Moment.day(3), person: "p-1",
                requester: AccessRequester(token: "tk-1", role: .representative, purpose: "POST /v1/enrollments/{enrollmentId}/facts", representation: acting),
                journey: "new-in-sweden", action: .change, outcome: .completed)
            try await store.appendJournal([entry])
            let reopened = try await database.open()
            #expect(try await reopened.events(enrollment: "e-1").last?.representation == acting)
            #expect(try await reopened.events(enrollment: "e-1").first?.representation == nil)
            #expect(try await reopened.journal(person: "p-1") == JournalChain.chain([entry], after: nil))
            #expect(try await reopened.verifyJournal(expectedHead: nil).isIntact)
        }
    }

    @Test("an event and a journal entry made by a guardian read back as a guardian's, on custody, not as a mandate's", arguments: StoreKind.allCases)
    func guardianReadsBack(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let guardian = Representation.guardian("p-2")
            _ = try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))
            _ = try await store.transact(person: "p-1") { _ in
                [JourneyEvent(enrollment: "e-1", at: Moment.day(3), actor: .person, kind: .factRecorded, fact: "citizenship", detail: "person",
                    representation: guardian)]
            }
            let entry = AccessEntry.request(at: Moment.day(3), person: "p-1",
                requester: AccessRequester(token: "tk-1", role: .guardian, purpose: "POST /v1/enrollments/{enrollmentId}/facts", representation: guardian),
                journey: "new-in-sweden", action: .change, outcome: .completed)
            try await store.appendJournal([entry])
            let reopened = try await database.open()
            let read = try #require(try await reopened.events(enrollment: "e-1").last?.representation)
            #expect(read == guardian && read.isGuardian && read.mandate == nil)
            let journal = try await reopened.journal(person: "p-1")
            #expect(journal == JournalChain.chain([entry], after: nil))
            #expect(journal.first?.requester?.role == .guardian)
            #expect(try await reopened.verifyJournal(expectedHead: nil).isIntact)
            // The basis is hashed: a guardian's entry turned into a mandate's is caught.
            try await database.execute("UPDATE access_journal SET \(database.column("mandateId")) = 'md-1' WHERE sequence = 1")
            #expect(try await reopened.verifyJournal(expectedHead: nil).problem == .edited(sequence: 1))
        }
    }

    @Test("a journal entry whose representative or mandate was edited is reported as edited", arguments: StoreKind.allCases)
    func editedRepresentationIsCaught(kind: StoreKind) async throws {
        for column in ["representativeId", "mandateId"] {
            try await withDatabase(kind) { database, store in
                let acting = Representation(representative: "p-2", mandate: "md-1")
                try await store.appendJournal([AccessEntry.request(at: Moment.day(3), person: "p-1",
                    requester: AccessRequester(token: "tk-1", role: .representative, purpose: "GET /v1/enrollments/{enrollmentId}", representation: acting),
                    action: .read, outcome: .completed)])
                try await database.execute("UPDATE access_journal SET \(database.column(column)) = 'p-9' WHERE sequence = 1")
                #expect(try await store.verifyJournal(expectedHead: nil).problem == .edited(sequence: 1), "edited \(column)")
            }
        }
    }
}
