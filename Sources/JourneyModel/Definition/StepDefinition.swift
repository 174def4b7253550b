/// One step of a journey. A step with ``alternatives`` is a `oneOf` group: doing any one alternative completes it.
///
/// Immutable, and a class so the engine's hot loops share one definition instead of copying its many fields.
public final class StepDefinition: Hashable, Sendable {
    public let id: StepID
    public let title: LocalizedText
    public let summary: LocalizedText?
    /// The agency service behind the step; `nil` for something the person does on their own.
    public let service: ServiceID?
    /// Prerequisites as written in the file (an alternative's own, without its group's).
    public let after: [StepID]
    /// The condition as written in the file (an alternative's own, without its group's).
    public let when: Condition?
    public let needs: [FactID]
    public let produces: [FactID]
    public let optional: Bool
    public let cost: LocalizedText?
    /// The agency's page for the step, in Swedish (or the one page there is).
    public let link: String?
    /// The agency's page in English, where it has one: shown to every reader who does not read Swedish.
    public let englishLink: String?
    /// Further pages for the step, in the order the person reads them.
    public let links: [StepLink]
    public let processingTime: ISODuration?
    /// When the step is due, counted from an anchor; `nil` for a step without a deadline.
    public let due: StepDeadline?
    /// The alternatives, for a `oneOf` group; empty for an ordinary step.
    public let alternatives: [StepID]
    /// The group this step is an alternative of.
    public let group: StepID?
    /// The household roles the step is repeated for (`forEach`), as the file declares them; empty for a step done once.
    public let forEach: [String]
    /// The household member this copy of a repeated step is for; `nil` for the person's own step.
    public let member: HouseholdMember?
    /// The id the file declares: a member's copy's template, otherwise ``id`` itself.
    public let declaredID: StepID

    public init(
        id: StepID, title: LocalizedText, summary: LocalizedText? = nil, service: ServiceID? = nil, after: [StepID] = [],
        when: Condition? = nil, needs: [FactID] = [], produces: [FactID] = [], optional: Bool = false,
        cost: LocalizedText? = nil, link: String? = nil, englishLink: String? = nil, links: [StepLink] = [], processingTime: ISODuration? = nil,
        due: StepDeadline? = nil, alternatives: [StepID] = [], group: StepID? = nil, forEach: [String] = [], member: HouseholdMember? = nil,
        declaredID: StepID? = nil
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.service = service
        self.after = after
        self.when = when
        self.needs = needs
        self.produces = produces
        self.optional = optional
        self.cost = cost
        self.link = link
        self.englishLink = englishLink
        self.links = links
        self.processingTime = processingTime
        self.due = due
        self.alternatives = alternatives
        self.group = group
        self.forEach = forEach
        self.member = member
        self.declaredID = declaredID ?? id
    }

    /// The agency's page for a reader of `language`: the Swedish page in Swedish, the English one (where there is one)
    /// in every other language.
    public func link(in language: Language) -> String? { language == .sv ? link : englishLink ?? link }

    /// Whether this step is a `oneOf` group.
    public var isGroup: Bool { !alternatives.isEmpty }

    public static func == (lhs: StepDefinition, rhs: StepDefinition) -> Bool {
        lhs === rhs
            || (lhs.id == rhs.id && lhs.title == rhs.title && lhs.summary == rhs.summary && lhs.service == rhs.service && lhs.after == rhs.after
                && lhs.when == rhs.when && lhs.needs == rhs.needs && lhs.produces == rhs.produces && lhs.optional == rhs.optional
                && lhs.cost == rhs.cost && lhs.link == rhs.link && lhs.englishLink == rhs.englishLink && lhs.links == rhs.links && lhs.processingTime == rhs.processingTime && lhs.due == rhs.due
                && lhs.alternatives == rhs.alternatives && lhs.group == rhs.group && lhs.forEach == rhs.forEach && lhs.member == rhs.member
                && lhs.declaredID == rhs.declaredID)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
