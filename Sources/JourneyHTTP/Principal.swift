import JourneyModel
import JourneyStore

/// Who a request speaks for, from its bearer token. Set by ``BearerAuthMiddleware``; a route that needs one and
/// finds none refuses with 401 (deny by default).
public struct Principal: Hashable, Sendable {
    /// The token's id: not secret, safe to log.
    public let tokenID: String
    public let role: StoredToken.Role
    /// A citizen's Lotsen reference; `nil` for a citizen named by identity number who has no journey yet.
    public let person: PersonID?
    /// A citizen's identity number when the token names them by it. Never logged or returned.
    public let identity: Personnummer?
    /// An agency token's agency.
    public let agency: AgencyID?
    /// The level of assurance of the eID login a session was made from.
    public let assurance: String?
    /// Whether the token is a citizen session made from a proven login (`POST /v1/sessions`), not an operator's token.
    public let isSession: Bool
    /// Set only once the route checked it: the citizen acts for the person whose data this is, under a mandate or as
    /// their guardian (``APIServices/representing(_:by:covering:guardians:request:)``). Never taken from the request as such.
    public let representation: Representation?

    public init(tokenID: String, role: StoredToken.Role, person: PersonID? = nil, identity: Personnummer? = nil, agency: AgencyID? = nil,
        assurance: String? = nil, isSession: Bool = false, representation: Representation? = nil)
    {
        self.tokenID = tokenID
        self.role = role
        self.person = person
        self.identity = identity
        self.agency = agency
        self.assurance = assurance
        self.isSession = isSession
        self.representation = representation
    }

    /// The principal with `person` as its Lotsen reference: a citizen named by number, once their first journey made one.
    func naming(_ person: PersonID) -> Principal {
        Principal(tokenID: tokenID, role: role, person: person, identity: identity, agency: agency, assurance: assurance, isSession: isSession,
            representation: representation)
    }

    /// Who an event this principal causes names: a counter is a caseworker, never the person.
    var eventActor: JourneyEvent.Actor { role == .counter ? .caseworker : .person }

    /// The principal acting for someone else under `mandate`.
    func acting(under mandate: Mandate) -> Principal {
        Principal(tokenID: tokenID, role: role, person: person, identity: identity, agency: agency, assurance: assurance, isSession: isSession,
            representation: Representation(representative: mandate.representative, mandate: mandate.id))
    }

    /// The principal acting as the guardian of a child, once the population register confirmed the custody.
    func actingAsGuardian() -> Principal? {
        guard let person else { return nil }
        return Principal(tokenID: tokenID, role: role, person: person, identity: identity, agency: agency, assurance: assurance, isSession: isSession,
            representation: .guardian(person))
    }
}
