/// One decided change to a person: the snapshot it was decided on, the snapshot after it, and what happened.
/// The store writes only the difference.
public struct SnapshotChange: Sendable {
    public let before: PersonSnapshot
    public let after: PersonSnapshot
    public let events: [JourneyEvent]

    public init(before: PersonSnapshot, after: PersonSnapshot, events: [JourneyEvent]) {
        self.before = before
        self.after = after
        self.events = events
    }
}
