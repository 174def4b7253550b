/// A string-backed identifier with its own type, so a step id can never be passed where a fact id belongs.
public protocol DomainID: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String
{
    init(rawValue: String)
}

extension DomainID {
    public init(_ raw: String) { self.init(rawValue: raw) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Identifies a journey definition, such as `new-in-sweden`.
public struct JourneyID: DomainID { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// Identifies a step within one journey.
public struct StepID: DomainID { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// Identifies a fact a journey may need to know, such as `citizenship`.
public struct FactID: DomainID { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// Identifies an agency, such as `skatteverket`.
public struct AgencyID: DomainID { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// Lotsen's own reference for a person; never a personnummer, so it is safe to show and log.
public struct PersonID: DomainID { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// Identifies one person's progress through one journey.
public struct EnrollmentID: DomainID { public let rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }

/// An agency service, written `agency.service` (for example `skatteverket.folkbokforing`).
public struct ServiceID: DomainID {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(agency: AgencyID, name: String) { self.rawValue = "\(agency.rawValue).\(name)" }

    /// The agency part, before the first dot.
    public var agency: AgencyID { AgencyID(rawValue: String(rawValue.prefix { $0 != "." })) }
    /// The service name within the agency, after the first dot.
    public var name: String {
        guard let dot = rawValue.firstIndex(of: ".") else { return "" }
        return String(rawValue[rawValue.index(after: dot)...])
    }
}
