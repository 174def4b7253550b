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
    /// For a lookup: the facts it can supply; for an application: the facts its decided case yields.
    public let returns: [FieldMapping]
    /// For an application Lotsen can submit: the facts it carries and the agency's names for them.
    public let sends: [FieldMapping]
    /// How long facts fetched by this lookup count before they are fetched or asked again.
    public let validFor: ISODuration?

    public init(id: ServiceID, kind: Kind, title: LocalizedText, link: String? = nil, inPerson: Bool = false, returns: [FieldMapping] = [],
        sends: [FieldMapping] = [], validFor: ISODuration? = nil)
    {
        self.id = id
        self.kind = kind
        self.title = title
        self.link = link
        self.inPerson = inPerson
        self.returns = returns
        self.sends = sends
        self.validFor = validFor
    }

    /// Whether Lotsen can submit the application itself; otherwise the person applies on the agency's site.
    public var isSubmittable: Bool { kind == .application && !inPerson && !sends.isEmpty }

    public func returnedField(for fact: FactID) -> FieldMapping? { returns.first { $0.fact == fact } }
    public func sentField(for fact: FactID) -> FieldMapping? { sends.first { $0.fact == fact } }
}
