/// One service an agency offers, as declared in its adapter file.
public struct AgencyService: Hashable, Sendable {
    /// What the service does, which decides how Lotsen may use it.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// Returns facts about a person or company.
        case lookup
        /// Sends facts and opens a case.
        case application
        /// Reports the status of a case.
        case caseStatus
    }

    public let id: ServiceID
    public let kind: Kind
    public let title: LocalizedText
    public let link: String?
    /// Whether the person must visit the agency in person.
    public let inPerson: Bool

    public init(id: ServiceID, kind: Kind, title: LocalizedText, link: String? = nil, inPerson: Bool = false) {
        self.id = id
        self.kind = kind
        self.title = title
        self.link = link
        self.inPerson = inPerson
    }
}
