import Foundation

/// A fact Lotsen knows about a person, with its provenance.
public struct KnownFact: Hashable, Sendable {
    public var value: FactValue
    public var source: FactSource
    public var recordedAt: Date
    /// After this moment the fact must be confirmed or fetched again; `nil` when it does not expire.
    public var validUntil: Date?

    public init(value: FactValue, source: FactSource, recordedAt: Date, validUntil: Date? = nil) {
        self.value = value
        self.source = source
        self.recordedAt = recordedAt
        self.validUntil = validUntil
    }

    /// Whether the fact still counts at `now`.
    public func isValid(at now: Date) -> Bool { validUntil.map { now < $0 } ?? true }
}
