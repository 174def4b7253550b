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
    }

    /// The token's id (`tk-…`): not secret, and what names the token in `lotsen token list` and revocation.
    public let token: String
    public let role: Role
    /// The route as `METHOD /template` (`GET /v1/enrollments/{enrollmentId}`): never the concrete path.
    public let purpose: String

    public init(token: String, role: Role, purpose: String) {
        self.token = token
        self.role = role
        self.purpose = purpose
    }
}

extension AccessRequester {
    /// The requester from its stored columns: all three `NULL` for an entry without one.
    public static func stored(token: String?, role: String?, purpose: String?) throws(StorageError) -> AccessRequester? {
        switch (token, role, purpose) {
        case (nil, nil, nil):
            return nil
        case (let token?, let role?, let purpose?):
            guard let role = Role(rawValue: role) else { throw StorageError(.corrupt, "a journal entry has an unknown requester role") }
            return AccessRequester(token: token, role: role, purpose: purpose)
        default:
            throw StorageError(.corrupt, "a journal entry has part of a requester")
        }
    }
}
