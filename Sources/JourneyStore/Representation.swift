import JourneyModel

/// Someone acting for the person whose data it is: "X acting for Y". Recorded on every event and journal entry made so.
public struct Representation: Hashable, Sendable {
    /// The Lotsen reference of the one who acts (X).
    public let representative: PersonID
    /// The mandate they act under (`md-…`).
    public let mandate: String

    public init(representative: PersonID, mandate: String) {
        self.representative = representative
        self.mandate = mandate
    }

    /// The representation from its stored columns: both `NULL` for none.
    public static func stored(representative: String?, mandate: String?) throws(StorageError) -> Representation? {
        switch (representative, mandate) {
        case (nil, nil): return nil
        case (let representative?, let mandate?): return Representation(representative: PersonID(representative), mandate: mandate)
        default: throw StorageError(.corrupt, "a stored row has part of a representation")
        }
    }
}
