/// How a sandbox agency misbehaves, for tests of timeouts, retries and broken answers.
///
/// A behaviour applies to one agency, or to one service of it (a service's own behaviour wins over its agency's);
/// `case-status` names `GET /{agency}/cases/{caseId}`. For each request it covers:
/// 1. while ``failNext`` is above zero, the request is answered `503` without doing anything, and the count drops;
/// 2. otherwise the request is carried out: a lookup is answered, an application opens (or finds) its case, a case
///    status request moves the case on. This happens *before* any delay or hang, so a client that gives up or is
///    killed while waiting finds the case already opened when it retries with the same `Idempotency-Key`;
/// 3. the answer waits ``delayMilliseconds``, then, while ``hang`` is set, waits until the behaviour is cleared or
///    the sandbox stops;
/// 4. while ``malformedNext`` is above zero, the answer is garbled as ``malformation`` says, and the count drops.
public struct SandboxBehaviour: Sendable, Equatable, Codable {
    /// How a garbled answer is broken.
    public enum Malformation: String, Sendable, Equatable, Codable, CaseIterable {
        /// The first half of the JSON body, cut off mid-way.
        case truncated
        /// Valid JSON of the wrong shape: `{"unexpected": true}`, with none of the fields the contract promises.
        case wrongShape
    }

    /// Every answer waits this long (at most ten minutes).
    public var delayMilliseconds: Int
    /// The next this many requests are answered `503 Service Unavailable` and have no effect.
    public var failNext: Int
    /// The next this many answers are malformed.
    public var malformedNext: Int
    /// How ``malformedNext`` answers are broken.
    public var malformation: Malformation
    /// Every answer is held back until the behaviour is cleared or the sandbox stops.
    public var hang: Bool

    public init(
        delayMilliseconds: Int = 0, failNext: Int = 0, malformedNext: Int = 0, malformation: Malformation = .truncated,
        hang: Bool = false
    ) {
        self.delayMilliseconds = delayMilliseconds
        self.failNext = failNext
        self.malformedNext = malformedNext
        self.malformation = malformation
        self.hang = hang
    }

    /// The longest delay a behaviour may ask for.
    public static let maximumDelayMilliseconds = 600_000

    /// Why the behaviour cannot be used, or `nil`.
    var problem: String? {
        if delayMilliseconds < 0 || delayMilliseconds > Self.maximumDelayMilliseconds {
            return "delayMilliseconds must be between 0 and \(Self.maximumDelayMilliseconds)."
        }
        if failNext < 0 || malformedNext < 0 { return "failNext and malformedNext must not be negative." }
        return nil
    }
}

/// A behaviour and what it covers.
public struct SandboxBehaviourRule: Sendable, Equatable, Codable {
    public let agency: String
    /// `nil` for every service of the agency.
    public let service: String?
    /// What is left of it: counts drop as requests use them.
    public let behaviour: SandboxBehaviour

    public init(agency: String, service: String?, behaviour: SandboxBehaviour) {
        self.agency = agency
        self.service = service
        self.behaviour = behaviour
    }
}
