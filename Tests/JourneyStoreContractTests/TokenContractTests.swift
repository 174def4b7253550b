import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: API tokens")
struct TokenContractTests {
    @Test("a token is stored by the hash of its secret and found by it; a taken id or hash is a conflict", arguments: StoreKind.allCases)
    func insertAndLookUp(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let citizen = StoredToken(id: "tk-citizen", role: .citizen, identity: try TestIdentity.personnummer(), label: "app", createdAt: Moment.day(1))
            let agency = StoredToken(id: "tk-agency", role: .agency, agency: "skatteverket", createdAt: Moment.day(2))
            let caseworker = StoredToken(id: "tk-caseworker", role: .caseworker, person: "p-1", createdAt: Moment.day(2))
            try await store.insertToken(agency, secretHash: Fingerprint.sha256("secret-agency"))
            try await store.insertToken(citizen, secretHash: Fingerprint.sha256("secret-citizen"))
            try await store.insertToken(caseworker, secretHash: Fingerprint.sha256("secret-caseworker"))

            #expect(try await store.token(secretHash: Fingerprint.sha256("secret-citizen")) == citizen)
            #expect(try await store.token(secretHash: Fingerprint.sha256("secret-agency")) == agency)
            #expect(try await store.token(secretHash: Fingerprint.sha256("unknown")) == nil)
            #expect(try await store.tokens() == [citizen, agency, caseworker])

            let sameHash = try await #require(throws: StorageError.self) {
                try await store.insertToken(StoredToken(id: "tk-other", role: .citizen, createdAt: Moment.day(3)), secretHash: Fingerprint.sha256("secret-agency"))
            }
            #expect(sameHash.code == .conflict)
            let sameID = try await #require(throws: StorageError.self) {
                try await store.insertToken(StoredToken(id: "tk-agency", role: .agency, createdAt: Moment.day(3)), secretHash: Fingerprint.sha256("new"))
            }
            #expect(sameID.code == .conflict)
            #expect(try await store.tokens().count == 3)
        }
    }

    @Test("revoking keeps the first moment; an unknown token is nil", arguments: StoreKind.allCases)
    func revoke(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let token = StoredToken(id: "tk-1", role: .caseworker, createdAt: Moment.day(1))
            try await store.insertToken(token, secretHash: Fingerprint.sha256("secret"))
            let revoked = try #require(try await store.revokeToken(id: "tk-1", at: Moment.day(2)))
            #expect(revoked.revokedAt == Moment.day(2))
            #expect(try await store.revokeToken(id: "tk-1", at: Moment.day(5))?.revokedAt == Moment.day(2))
            #expect(try await store.token(secretHash: Fingerprint.sha256("secret"))?.isRevoked == true)
            #expect(try await store.revokeToken(id: "tk-unknown", at: Moment.day(2)) == nil)
        }
    }

    @Test("an ID token is spent once, on any store of the database; a spent token is forgotten once it has expired", arguments: StoreKind.allCases)
    func idTokenSpentOnce(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let other = try await database.open()
            let hash = Fingerprint.sha256("an id token")
            #expect(try await store.spendIDToken(hash: hash, until: Moment.day(1), at: Moment.start))
            #expect(try await other.spendIDToken(hash: hash, until: Moment.day(1), at: Moment.start.addingTimeInterval(60)) == false)
            #expect(try await store.spendIDToken(hash: Fingerprint.sha256("another"), until: Moment.day(1), at: Moment.start))
            // Past its expiry the row is gone (the provider client refuses an expired token before it gets here).
            #expect(try await other.spendIDToken(hash: hash, until: Moment.day(3), at: Moment.day(2)))
        }
    }
}
