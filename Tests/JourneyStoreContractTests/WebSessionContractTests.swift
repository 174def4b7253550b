import Foundation
import JourneyModel
import JourneyStore
import Testing

@Suite("Contract: the web view's sessions and staff found by their e-legitimation")
struct WebSessionContractTests {
    static func session(_ name: String, startedAt: Date, lastSeenAt: Date? = nil) -> StoredWebSession {
        StoredWebSession(idHash: Fingerprint.sha256(name), csrf: "csrf-\(name)", tokenHash: Fingerprint.sha256("token-\(name)"), startedAt: startedAt,
            lastSeenAt: lastSeenAt ?? startedAt)
    }

    @Test("a session is found by its hash from any store on the database, used, and closed", arguments: StoreKind.allCases)
    func openUseClose(kind: StoreKind) async throws {
        try await withDatabase(kind) { database, store in
            let session = Self.session("a", startedAt: Moment.day(1))
            try await store.openWebSession(session, forgettingIdleBefore: Moment.start, startedBefore: Moment.start)
            // Another node: a store of its own on the same database.
            let other = try await database.open()
            #expect(try await other.webSession(idHash: session.idHash) == session)
            try await other.touchWebSession(idHash: session.idHash, at: Moment.day(1, hour: 2))
            // A touch never moves the last use back.
            try await store.touchWebSession(idHash: session.idHash, at: Moment.day(1, hour: 1))
            #expect(try await store.webSession(idHash: session.idHash)?.lastSeenAt == Moment.day(1, hour: 2))
            try await other.closeWebSession(idHash: session.idHash)
            #expect(try await store.webSession(idHash: session.idHash) == nil)
            try await store.closeWebSession(idHash: session.idHash)
            #expect(try await store.webSession(idHash: Fingerprint.sha256("never")) == nil)
        }
    }

    @Test("opening a session forgets those idle too long or started too long ago, and keeps the rest", arguments: StoreKind.allCases)
    func openingForgetsExpired(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let idle = Self.session("idle", startedAt: Moment.day(1), lastSeenAt: Moment.day(1))
            let old = Self.session("old", startedAt: Moment.start, lastSeenAt: Moment.day(2))
            let live = Self.session("live", startedAt: Moment.day(1, hour: 12), lastSeenAt: Moment.day(2))
            for session in [idle, old, live] {
                try await store.openWebSession(session, forgettingIdleBefore: Moment.start, startedBefore: Moment.start)
            }
            let new = Self.session("new", startedAt: Moment.day(2))
            try await store.openWebSession(new, forgettingIdleBefore: Moment.day(1, hour: 12), startedBefore: Moment.day(1))
            #expect(try await store.webSession(idHash: idle.idHash) == nil)
            #expect(try await store.webSession(idHash: old.idHash) == nil)
            #expect(try await store.webSession(idHash: live.idHash) == live)
            #expect(try await store.webSession(idHash: new.idHash) == new)
            let taken = try await #require(throws: StorageError.self) {
                try await store.openWebSession(new, forgettingIdleBefore: Moment.start, startedBefore: Moment.start)
            }
            #expect(taken.code == .conflict)
        }
    }

    @Test("a staff member's number finds their newest live caseworker token, never a revoked, expired or other role's", arguments: StoreKind.allCases)
    func staffTokenByIdentity(kind: StoreKind) async throws {
        try await withDatabase(kind) { _, store in
            let number = try TestIdentity.personnummer()
            let older = StoredToken(id: "tk-older", role: .caseworker, identity: number, createdAt: Moment.day(1))
            let newer = StoredToken(id: "tk-newer", role: .caseworker, identity: number, createdAt: Moment.day(2))
            let citizen = StoredToken(id: "tk-citizen", role: .citizen, identity: number, createdAt: Moment.day(3))
            let expiring = StoredToken(id: "tk-expiring", role: .caseworker, identity: number, createdAt: Moment.day(4), expiresAt: Moment.day(5))
            for (token, secret) in [(older, "o"), (newer, "n"), (citizen, "c"), (expiring, "e")] {
                try await store.insertToken(token, secretHash: Fingerprint.sha256(secret))
            }
            #expect(try await store.staffToken(identity: number, at: Moment.day(4, hour: 1)).map { [$0.token.id, $0.secretHash] }
                == ["tk-expiring", Fingerprint.sha256("e")])
            #expect(try await store.staffToken(identity: number, at: Moment.day(6))?.token == newer)
            _ = try await store.revokeToken(id: "tk-newer", at: Moment.day(6))
            #expect(try await store.staffToken(identity: number, at: Moment.day(6))?.token == older)
            _ = try await store.revokeToken(id: "tk-older", at: Moment.day(6))
            #expect(try await store.staffToken(identity: number, at: Moment.day(6)) == nil)
        }
    }
}
