import Foundation
import JourneyModel

/// A person as Lotsen knows them: its own reference, and a personnummer or samordningsnummer once linked.
public struct StoredPerson: Hashable, Sendable {
    public let id: PersonID
    /// `nil` for a newcomer who has neither number yet.
    public var identity: Personnummer?
    public let createdAt: Date

    public init(id: PersonID, identity: Personnummer?, createdAt: Date) {
        self.id = id
        self.identity = identity
        self.createdAt = createdAt
    }
}
