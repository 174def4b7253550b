/// An agency (or, for `bank`, a kind of organisation) whose services journeys refer to.
public struct Agency: Hashable, Sendable {
    public let id: AgencyID
    public let name: LocalizedText
    public let website: String
    public let services: [AgencyService]
    public let endpoint: AgencyEndpoint

    public init(id: AgencyID, name: LocalizedText, website: String, services: [AgencyService], endpoint: AgencyEndpoint = AgencyEndpoint()) {
        self.id = id
        self.name = name
        self.website = website
        self.services = services
        self.endpoint = endpoint
    }

    /// The agency's case-status service, which Lotsen asks how a submitted case is going.
    public var caseStatusService: AgencyService? { services.first { $0.kind == .caseStatus } }
}
