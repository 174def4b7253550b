/// A life event an agency registers and can tell Lotsen of, such as a birth Skatteverket registers: its kind, the
/// service whose record vouches for what it says, and the fields it carries, each typed like a fact. Journeys name
/// these in `offeredBy`, and `POST /v1/life-events` accepts exactly these; the list is Lotsen's, not a journey's, so
/// every journey offered by one event reads its fields the same way.
public struct AgencyLifeEvent: Hashable, Sendable {
    public let agency: AgencyID
    /// The kind, kebab-case: `birth-registered`.
    public let kind: String
    /// The agency service whose record holds what the event says; the provenance of the facts it proves.
    public let vouchedBy: ServiceID
    /// The fields the event carries, in the order they are documented.
    public let fields: [(name: String, type: FactType)]

    public init(agency: AgencyID, kind: String, vouchedBy: ServiceID, fields: [(name: String, type: FactType)]) {
        self.agency = agency
        self.kind = kind
        self.vouchedBy = vouchedBy
        self.fields = fields
    }

    /// The type of a field, or `nil` when the event has no such field.
    public func type(of field: String) -> FactType? { fields.first { $0.name == field }?.type }

    /// `agency.kind`, as in messages.
    public var name: String { "\(agency).\(kind)" }

    public static func == (lhs: AgencyLifeEvent, rhs: AgencyLifeEvent) -> Bool { lhs.agency == rhs.agency && lhs.kind == rhs.kind }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(agency)
        hasher.combine(kind)
    }

    /// Every life event Lotsen knows.
    public static let known: [AgencyLifeEvent] = [
        AgencyLifeEvent(agency: "skatteverket", kind: "birth-registered", vouchedBy: "skatteverket.birth-record",
            fields: [("birthDate", .date), ("parentsMarried", .bool)]),
        AgencyLifeEvent(agency: "bolagsverket", kind: "company-registered", vouchedBy: "bolagsverket.company-record",
            fields: [("registeredOn", .date), ("organisationsnummer", .organisationsnummer)]),
        AgencyLifeEvent(agency: "migrationsverket", kind: "residence-permit-granted", vouchedBy: "migrationsverket.permit-record",
            fields: [("grantedOn", .date), ("validUntil", .date)]),
    ]

    /// The known event of `agency` called `kind`.
    public static func named(agency: AgencyID, kind: String) -> AgencyLifeEvent? { known.first { $0.agency == agency && $0.kind == kind } }
}
