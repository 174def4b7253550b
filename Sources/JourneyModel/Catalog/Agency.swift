/// An agency (or, for `bank`, a kind of organisation) whose services journeys refer to.
public struct Agency: Hashable, Sendable {
    public let id: AgencyID
    public let name: LocalizedText
    public let website: String
    public let services: [AgencyService]

    public init(id: AgencyID, name: LocalizedText, website: String, services: [AgencyService]) {
        self.id = id
        self.name = name
        self.website = website
        self.services = services
    }
}
