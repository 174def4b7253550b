import Foundation
import JourneyModel

/// A mandate (fullmakt): a person (the grantor) lets another proven person (the representative, an ombud) act for
/// them in some journeys and services, from one moment until another, until the grantor withdraws it.
public struct Mandate: Hashable, Sendable {
    /// `md-…`: not secret; a representative names it in the `Lotsen-Mandate` header to act under it.
    public let id: String
    public let grantor: PersonID
    public let representative: PersonID
    /// Journeys the representative may act in: read the enrollment, answer, move any step.
    public let journeys: [JourneyID]
    /// Services the representative may act for: read an enrollment with a step of one, move those steps.
    public let services: [ServiceID]
    /// The first moment the mandate holds (the start of its first day).
    public let validFrom: Date
    /// The first moment it no longer holds (the start of the day after its last day).
    public let validUntil: Date
    public let grantedAt: Date
    public var withdrawnAt: Date?

    /// How close to its end a mandate is said to expire soon.
    public static let expiryWarning: TimeInterval = 14 * 86_400

    public init(id: String, grantor: PersonID, representative: PersonID, journeys: [JourneyID], services: [ServiceID], validFrom: Date,
        validUntil: Date, grantedAt: Date, withdrawnAt: Date? = nil)
    {
        self.id = id
        self.grantor = grantor
        self.representative = representative
        self.journeys = journeys
        self.services = services
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.grantedAt = grantedAt
        self.withdrawnAt = withdrawnAt
    }

    /// Whether the mandate holds at `moment`: started, not ended and not withdrawn.
    public func isActive(at moment: Date) -> Bool {
        withdrawnAt == nil && validFrom <= moment && moment < validUntil
    }

    /// Whether it holds at `moment` and ends within ``expiryWarning``.
    public func expiresSoon(at moment: Date) -> Bool {
        isActive(at: moment) && validUntil.timeIntervalSince(moment) <= Self.expiryWarning
    }

    /// Whether it covers a journey with steps of `services`: the journey is in scope, or one of those services is.
    public func covers(journey: JourneyID, services stepServices: some Sequence<ServiceID>) -> Bool {
        journeys.contains(journey) || stepServices.contains(where: services.contains)
    }

    /// Whether it covers moving a step of `service` (`nil`: a step with no service) in `journey`.
    public func covers(journey: JourneyID, step service: ServiceID?) -> Bool {
        journeys.contains(journey) || service.map(services.contains) == true
    }
}

extension Mandate {
    /// Where a mandate stands at a moment.
    public enum Status: String, Sendable {
        case pending, active, ended, withdrawn
    }

    public func status(at moment: Date) -> Status {
        if withdrawnAt != nil { return .withdrawn }
        if moment < validFrom { return .pending }
        return moment < validUntil ? .active : .ended
    }
}
