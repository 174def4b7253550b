/// A kind of household member a journey repeats steps and facts for, as its `household:` declares it: the partner
/// who moves with the person, their children. The person themselves is the role ``you``, never declared.
public struct HouseholdRole: Hashable, Sendable {
    /// The person whose journey it is: in a `forEach` list, the step or fact under its own id.
    public static let you = "you"
    /// The most members one counted role may have, so a journey's repeated steps stay a readable number.
    public static let largestCount = 12

    /// The role's name in `forEach` lists: `partner`, `child`.
    public let id: String
    /// How a member is named on screens: "your partner"; for a counted role with `{n}` for the member's number,
    /// "child {n}".
    public let label: LocalizedText
    /// A bool fact that must be true for the role to have members (`when: movingWithPartner`).
    public let when: FactID?
    /// A whole-number fact saying how many members the role has (`count: childrenMoving`), and its declared upper
    /// bound; `nil` for a role of one member.
    public let count: (fact: FactID, max: Int)?

    /// Every member the role can have, in order: one, or as many as the count's upper bound.
    public let members: [HouseholdMember]

    public init(id: String, label: LocalizedText, when: FactID?, count: (fact: FactID, max: Int)?) {
        self.id = id
        self.label = label
        self.when = when
        self.count = count
        members = Self.members(id: id, label: label, when: when, count: count)
    }

    /// The facts that decide who has the role: asked before the members' steps can be planned.
    public var facts: [FactID] { [when, count?.fact].compactMap { $0 } }

    private static func members(id: String, label: LocalizedText, when: FactID?, count: (fact: FactID, max: Int)?) -> [HouseholdMember] {
        let gate = when.map { ConditionNode.fact($0) }
        guard let count else {
            let root = gate ?? .constant(true)
            return [HouseholdMember(key: id, role: id, label: label, presence: Condition(source: root.rendered, root: root))]
        }
        return (1...max(count.max, 1)).map { ordinal in
            let enough = ConditionNode.compare(.fact(count.fact, .number), .greaterOrEqual, .literal(.number(Double(ordinal))))
            let root = gate.map { .and([$0, enough]) } ?? enough
            return HouseholdMember(key: "\(id)-\(ordinal)", role: id, label: label.filling(["n": String(ordinal)]),
                presence: Condition(source: root.rendered, root: root))
        }
    }

    public static func == (lhs: HouseholdRole, rhs: HouseholdRole) -> Bool {
        lhs.id == rhs.id && lhs.label == rhs.label && lhs.when == rhs.when && lhs.count?.fact == rhs.count?.fact && lhs.count?.max == rhs.count?.max
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// One member a repeated step or fact is for: "your partner", "child 2".
public struct HouseholdMember: Hashable, Sendable {
    /// Appended to the repeated step's or fact's id: `residence-permit.partner`, `childName.child-2`.
    public let key: String
    /// The ``HouseholdRole`` the member has.
    public let role: String
    /// The member's name on screens, such as "child 2".
    public let label: LocalizedText
    /// When the member is part of the household: the role's fact says so.
    public let presence: Condition

    /// The id of `id`'s copy for this member.
    public func step(_ id: StepID) -> StepID { StepID("\(id.rawValue).\(key)") }
    /// The id of `id`'s copy for this member.
    public func fact(_ id: FactID) -> FactID { FactID("\(id.rawValue).\(key)") }
}

extension LocalizedText {
    /// The text with its `{name}` placeholders filled in every language.
    public func filling(_ values: [String: String]) -> LocalizedText {
        combined(with: self) { text, _ in Placeholders.fill(text, with: values) }
    }

    /// A text made from this one and `other`, language by language: a language either lacks reads English there, and
    /// the result is stale when either part is.
    public func combined(with other: LocalizedText, _ combine: (String, String) -> String) -> LocalizedText {
        var result = LocalizedText(sv: combine(sv, other.sv), en: combine(en, other.en))
        for language in Set(translations.keys).union(other.translations.keys) {
            let mine = resolved(in: language)
            let theirs = other.resolved(in: language)
            result.translations[language] = Translation(text: combine(mine.text, theirs.text), isStale: mine.isStale || theirs.isStale)
        }
        return result
    }
}
