import Foundation
import JourneyModel

/// Bearer tokens of the JSON API. Only a hash of each secret is stored; looking a token up by that hash is
/// how a request is authenticated.
public protocol TokenStore: Sendable {
    /// Stores a new token. Fails with ``StorageError/Code/conflict`` when the id or the hash is already taken.
    func insertToken(_ token: StoredToken, secretHash: String) async throws(StorageError)
    /// The token whose secret hashes to `secretHash`, revoked or not.
    func token(secretHash: String) async throws(StorageError) -> StoredToken?
    /// Every token, oldest first.
    func tokens() async throws(StorageError) -> [StoredToken]
    /// The newest caseworker token made for the staff member with this number (`lotsen token create --role caseworker
    /// --staff-identity`), neither revoked nor expired at `now`, with the hash of its secret: how a caseworker who
    /// signed in with e-legitimation is known. Read from a partial index of caseworker tokens.
    func staffToken(identity: Personnummer, at now: Date) async throws(StorageError) -> (token: StoredToken, secretHash: String)?
    /// Records that the ID token with this hash was exchanged for a session, until `until` (when it expires); `false`
    /// when it was already spent, so a token is exchanged once. Spent tokens past their moment are forgotten on the way.
    func spendIDToken(hash: String, until: Date, at now: Date) async throws(StorageError) -> Bool
    /// Revokes a token (a second revocation keeps the first moment); `nil` when there is no such token.
    func revokeToken(id: String, at: Date) async throws(StorageError) -> StoredToken?
}
