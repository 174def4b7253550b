import JourneyModel

/// Someone acting for the person whose data it is: "X acting for Y". Recorded on every event and journal entry made so.
public struct Representation: Hashable, Sendable {
    /// What lets the representative act.
    public enum Basis: Hashable, Sendable {
        /// A mandate the person granted (`md-…`).
        case mandate(String)
        /// Custody of a child under 18, as the population register says at the moment of the request.
        case custody
    }

    /// The Lotsen reference of the one who acts (X).
    public let representative: PersonID
    public let basis: Basis

    public init(representative: PersonID, basis: Basis) {
        self.representative = representative
        self.basis = basis
    }

    /// A representative under a mandate.
    public init(representative: PersonID, mandate: String) {
        self.init(representative: representative, basis: .mandate(mandate))
    }

    /// A guardian acting for their child.
    public static func guardian(_ representative: PersonID) -> Representation {
        Representation(representative: representative, basis: .custody)
    }

    /// The mandate they act under, when it is a mandate.
    public var mandate: String? {
        if case .mandate(let id) = basis { return id }
        return nil
    }

    /// Whether a guardian acts, on custody.
    public var isGuardian: Bool { basis == .custody }

    /// What the stored column `mandateId` holds: the mandate's id, or ``custodyBasis``. A mandate id always starts
    /// with `md-`, so the two never meet, and the journal hashes this text as it hashed mandate ids since v10.
    public var storedBasis: String {
        switch basis {
        case .mandate(let id): id
        case .custody: Self.custodyBasis
        }
    }

    /// The stored basis of a guardian's acts.
    public static let custodyBasis = "custody"

    /// The representation from its stored columns: both `NULL` for none.
    public static func stored(representative: String?, mandate: String?) throws(StorageError) -> Representation? {
        switch (representative, mandate) {
        case (nil, nil): return nil
        case (let representative?, custodyBasis?): return .guardian(PersonID(representative))
        // Any other text is a mandate's id, read as stored: an edited one is the journal check's to report.
        case (let representative?, let mandate?): return Representation(representative: PersonID(representative), mandate: mandate)
        default: throw StorageError(.corrupt, "a stored row has part of a representation")
        }
    }
}
