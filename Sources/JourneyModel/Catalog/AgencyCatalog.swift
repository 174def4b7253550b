/// Every agency and service Lotsen knows, from `adapters/*.yaml`.
public struct AgencyCatalog: Sendable {
    public let agencies: [Agency]
    private let servicesByID: [ServiceID: AgencyService]
    private let agenciesByID: [AgencyID: Agency]

    /// Whether every agency is Lotsen's sandbox (none has a `baseURL`): only then is everything sent practice.
    public var isAllSandbox: Bool { agencies.allSatisfy { $0.endpoint.baseURL == nil } }

    public init(agencies: [Agency]) {
        self.agencies = agencies.sorted { $0.id < $1.id }
        agenciesByID = Dictionary(agencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        servicesByID = Dictionary(agencies.flatMap(\.services).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func agency(_ id: AgencyID) -> Agency? { agenciesByID[id] }
    public func service(_ id: ServiceID) -> AgencyService? { servicesByID[id] }
    public var allServiceIDs: [ServiceID] { servicesByID.keys.sorted() }
}
