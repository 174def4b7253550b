/// Where a known fact came from, kept with every fact (once-only provenance).
public enum FactSource: Hashable, Sendable, CustomStringConvertible {
    /// The person answered it.
    case person
    /// An agency supplied it: a lookup fetched it, or the service's decision on an application gave it. The
    /// agency's value: what the person says does not replace it.
    case agency(ServiceID)
    /// The person (or a caseworker for them) reported it on completing a step: what they said.
    case step(StepID)

    /// The agency service that supplied the fact; `nil` for what the person said.
    public var agencyService: ServiceID? {
        if case .agency(let service) = self { return service }
        return nil
    }

    public var kind: String {
        switch self {
        case .person: "person"
        case .agency: "agency"
        case .step: "step"
        }
    }

    public var reference: String? {
        switch self {
        case .person: nil
        case .agency(let service): service.rawValue
        case .step(let step): step.rawValue
        }
    }

    public init?(kind: String, reference: String?) {
        switch (kind, reference) {
        case ("person", _): self = .person
        case ("agency", let reference?): self = .agency(ServiceID(reference))
        case ("step", let reference?): self = .step(StepID(reference))
        default: return nil
        }
    }

    public var description: String { reference.map { "\(kind):\($0)" } ?? kind }
}
