import Foundation
import JourneyModel

/// A person as Lotsen knows them: its own reference, and a personnummer or samordningsnummer once linked.
public struct StoredPerson: Hashable, Sendable {
    public let id: PersonID
    /// `nil` for a newcomer who has neither number yet.
    public var identity: Personnummer?
    /// What bound `identity` to this record: an eID login or the agency of record. `nil` for a number an operator
    /// named the record by (`lotsen start --person NUMBER`, a citizen token made by number): such a record plans,
    /// but Lotsen fetches and sends nothing for it until the person proves the number.
    public var proof: IdentityProof?
    public let createdAt: Date

    public init(id: PersonID, identity: Personnummer?, proof: IdentityProof? = nil, createdAt: Date) {
        self.id = id
        self.identity = identity
        self.proof = proof
        self.createdAt = createdAt
    }

    /// Whether the record's number was proven (and so may be used with agencies).
    public var isProven: Bool { identity != nil && proof != nil }
}
