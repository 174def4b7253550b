/// One entry of a journey's `offeredBy`: an agency's life event that offers the journey to the person it is about,
/// with what the event proves filled in once-only.
///
/// ```yaml
/// offeredBy:
///   - agency: skatteverket
///     event: birth-registered
///     proves: { birthDate: childBirthDate }
///     when: not familyAbroad
///     lasts: P60D
/// ```
public struct OfferRule: Hashable, Sendable {
    /// The life event, one of ``AgencyLifeEvent/known``.
    public let event: AgencyLifeEvent
    /// The event's fields the offer fills in, each as one of the journey's facts of the same type, in file order.
    public let proves: [Proof]
    /// Who qualifies, over the journey's facts: the event's proven facts and what Lotsen already knows about the
    /// person. `nil` when everyone the event is about does. An offer is made only when it holds.
    public let when: Condition?
    /// How long the offer stands before it expires.
    public let lasts: ISODuration

    /// An event field and the fact it proves.
    public struct Proof: Hashable, Sendable {
        public let field: String
        public let fact: FactID

        public init(field: String, fact: FactID) {
            self.field = field
            self.fact = fact
        }
    }

    public init(event: AgencyLifeEvent, proves: [Proof], when: Condition?, lasts: ISODuration) {
        self.event = event
        self.proves = proves
        self.when = when
        self.lasts = lasts
    }
}
