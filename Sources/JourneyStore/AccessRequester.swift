import JourneyModel

/// Who made an API request that touched a person's data: the token, its role towards the person, and the route.
/// Kept on the journal entries of reads, refusals and changes through the API; entries of the agency exchange have none.
public struct AccessRequester: Hashable, Sendable {
    /// What the requester was to the person whose data it was.
    public enum Role: String, Sendable, CaseIterable {
        /// The person themself.
        case person
        /// Another citizen.
        case citizen
        case caseworker
        case agency
        /// Another person acting for them under a mandate: ``AccessRequester/representation`` says who and which.
        case representative
        /// A caseworker at a counter acting for them while they are present; `token` names the counter's token.
        case counter
        /// A guardian acting for them, a child under 18, on custody the population register showed at that moment:
        /// ``AccessRequester/representation`` says who.
        case guardian
    }

    /// The token's id (`tk-…`): not secret, and what names the token in `lotsen token list` and revocation.
    public let token: String
    public let role: Role
    /// The route as `METHOD /template` (`GET /v1/enrollments/{enrollmentId}`): never the concrete path.
    public let purpose: String
    /// For a `representative` or a `guardian`: who acted for the person, and on what (a mandate, or custody).
    public let representation: Representation?

    public init(token: String, role: Role, purpose: String, representation: Representation? = nil) {
        self.token = token
        self.role = role
        self.purpose = purpose
        self.representation = representation
    }
}

extension AccessRequester {
    /// The requester from its stored columns: all three `NULL` for an entry without one.
    public static func stored(token: String?, role: String?, purpose: String?, representative: String? = nil, mandate: String? = nil)
        throws(StorageError) -> AccessRequester?
    {
        let representation = try Representation.stored(representative: representative, mandate: mandate)
        switch (token, role, purpose) {
        case (nil, nil, nil):
            guard representation == nil else { throw StorageError(.corrupt, "a journal entry has a representation without a requester") }
            return nil
        case (let token?, let role?, let purpose?):
            guard let role = Role(rawValue: role) else { throw StorageError(.corrupt, "a journal entry has an unknown requester role") }
            return AccessRequester(token: token, role: role, purpose: purpose, representation: representation)
        default:
            throw StorageError(.corrupt, "a journal entry has part of a requester")
        }
    }
}
