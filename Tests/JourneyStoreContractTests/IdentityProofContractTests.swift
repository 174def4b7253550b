import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: proven identities and citizen sessions")
struct IdentityProofContractTests {
    static let login = IdentityProof(method: .eid, issuer: "http://127.0.0.1:1/idp", assurance: "http://id.elegnamnden.se/loa/1.0/loa3",
        provenAt: Moment.day(3))

    @Test("a person created with a proof reads it back, by reference, by number and in the snapshot", arguments: StoreKind.allCases)
    func proofOnCreation(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let number = try TestIdentity.personnummer()
            let created = try await store.transact(creating: StoredPerson(id: "p-1", identity: number, proof: Self.login, createdAt: Moment.day(1))) { _ in [] }
            #expect(created.person.isProven)
            #expect(try await store.person(id: "p-1")?.proof == Self.login)
            #expect(try await store.person(identity: number)?.proof == Self.login)
            #expect(try await store.snapshot(person: "p-1")?.person.proof == Self.login)
        }
    }

    @Test("a number an operator named is not proven; proving it later inside a transition keeps the proof", arguments: StoreKind.allCases)
    func proofLater(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let number = try TestIdentity.personnummer()
            try await store.newEnrolledPerson("p-1", identity: number, enrollment: .fixture("e-1", person: "p-1"))
            #expect(try await store.person(id: "p-1")?.isProven == false)
            let record = IdentityProof(method: .agencyOfRecord, issuer: "skatteverket", assurance: nil, provenAt: Moment.day(4))
            _ = try await store.transact(person: "p-1") { snapshot in
                snapshot.person.proof = record
                return [JourneyEvent(enrollment: "e-1", at: Moment.day(4), actor: .agency, kind: .identityLinked)]
            }
            #expect(try await store.person(identity: number)?.proof == record)
            #expect(try await store.snapshot(person: "p-1")?.person.isProven == true)
        }
    }

    @Test("a session token keeps when it lapses and the login's assurance; an operator's token has neither", arguments: StoreKind.allCases)
    func sessionTokens(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let session = StoredToken(id: "tk-session", role: .citizen, person: "p-1", label: "session", createdAt: Moment.day(1),
                expiresAt: Moment.day(1).addingTimeInterval(900), assurance: Self.login.assurance)
            let operatorToken = StoredToken(id: "tk-operator", role: .citizen, person: "p-1", createdAt: Moment.day(1))
            try await store.insertToken(session, secretHash: Fingerprint.sha256("session"))
            try await store.insertToken(operatorToken, secretHash: Fingerprint.sha256("operator"))
            let found = try #require(try await store.token(secretHash: Fingerprint.sha256("session")))
            #expect(found == session)
            #expect(found.isSession && !found.hasExpired(at: Moment.day(1)) && found.hasExpired(at: Moment.day(2)))
            #expect(try await store.token(secretHash: Fingerprint.sha256("operator"))?.isSession == false)
            #expect(try await store.revokeToken(id: "tk-session", at: Moment.day(1))?.expiresAt == session.expiresAt)
        }
    }
}
