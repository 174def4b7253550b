/// A validated journey definition: a life event as a graph of steps over typed facts.
///
/// Build one with ``JourneyLoader``, which reports every problem in the file before a `Journey` exists;
/// the engine can therefore rely on every reference in it being resolved and the graph being acyclic.
/// Immutable, and a class so the many places that hold a journey share it rather than copy its tables.
public final class Journey: Sendable {
    public let id: JourneyID
    public let version: Int
    /// The life event the journey serves; `nil` for a journey that fits none of them (an imported one, say).
    public let lifeEvent: LifeEvent?
    /// The languages the journey's texts are written in, in the file's order; the first stands in for the others.
    public let languages: [Language]
    public let title: LocalizedText
    public let summary: LocalizedText
    /// Facts in the order the file declares them (the order the guide asks them in).
    public let facts: [FactDefinition]
    /// Steps in file order; each `oneOf` group is followed by its alternatives.
    public let steps: [StepDefinition]
    /// The agencies' life events that offer this journey to the person they are about (`offeredBy`).
    public let offeredBy: [OfferRule]

    private let factIndex: [FactID: Int]
    private let stepIndex: [StepID: Int]
    /// Effective prerequisites by step index: a group's `after` plus, for an alternative, its own.
    public let prerequisiteIndices: [[Int]]
    /// Effective conditions by step index: the group's `when` and the alternative's own, all of which must hold.
    public let conditions: [[Condition]]
    /// For each step index, the index of its group, if it is an alternative.
    public let groupIndex: [Int?]
    /// For each group's step index, its alternatives' indices; empty for ordinary steps.
    public let alternativeIndices: [[Int]]
    /// Step indices ordered so that every step comes after its prerequisites and a group after its
    /// alternatives: one pass in this order derives every state.
    public let evaluationOrder: [Int]
    /// Whether any step has a `due` or a `processingTime`, so the engine skips working out moments for journeys without.
    public let hasTimedSteps: Bool
    /// How enrollments on older versions move to this one (`migrations:`), by the version they move from.
    public let migrations: [VersionMigration]
    /// Who may move with the person (`household:`): the roles steps and facts repeat for.
    public let household: [HouseholdRole]
    /// The journey as its file declares it, each repeated step and fact once, when ``steps`` and ``facts`` hold the
    /// household members' copies; `nil` when nothing repeats.
    private let declaredForm: Journey?

    public init(
        id: JourneyID, version: Int, lifeEvent: LifeEvent?, title: LocalizedText, summary: LocalizedText,
        facts: [FactDefinition], steps: [StepDefinition], languages: [Language] = Language.authoring, offeredBy: [OfferRule] = [], migrations: [VersionMigration] = [],
        household: [HouseholdRole] = [], declared: Journey? = nil
    ) {
        self.migrations = migrations
        self.household = household
        self.declaredForm = declared
        self.id = id
        self.version = version
        self.lifeEvent = lifeEvent
        self.languages = languages.isEmpty ? Language.authoring : languages
        self.title = title
        self.summary = summary
        self.facts = facts
        self.steps = steps
        self.offeredBy = offeredBy
        factIndex = Dictionary(facts.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let stepIndex = Dictionary(steps.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.stepIndex = stepIndex
        let groupIndex = steps.map { step in step.group.flatMap { stepIndex[$0] } }
        self.groupIndex = groupIndex
        alternativeIndices = steps.map { $0.alternatives.compactMap { stepIndex[$0] } }
        prerequisiteIndices = steps.indices.map { index in
            let own = steps[index].after.compactMap { stepIndex[$0] }
            guard let group = groupIndex[index] else { return own }
            return steps[group].after.compactMap { stepIndex[$0] } + own
        }
        conditions = steps.indices.map { index in
            let own = steps[index].when.map { [$0] } ?? []
            guard let group = groupIndex[index] else { return own }
            return (steps[group].when.map { [$0] } ?? []) + own
        }
        evaluationOrder = Journey.order(prerequisites: prerequisiteIndices, alternatives: alternativeIndices)
        hasTimedSteps = steps.contains { $0.due != nil || $0.processingTime != nil }
    }

    /// Depth-first topological order; the loader has already rejected cycles, and a cycle here would
    /// only be visited once rather than loop.
    private static func order(prerequisites: [[Int]], alternatives: [[Int]]) -> [Int] {
        var visited = [Bool](repeating: false, count: prerequisites.count)
        var order: [Int] = []
        order.reserveCapacity(prerequisites.count)
        func visit(_ node: Int) {
            guard !visited[node] else { return }
            visited[node] = true
            for next in prerequisites[node] { visit(next) }
            for next in alternatives[node] { visit(next) }
            order.append(node)
        }
        for node in prerequisites.indices { visit(node) }
        return order
    }

    /// Whether the journey is written in `language`; when not, its texts are shown in ``languages``' first. A translated
    /// language counts as written when English is, since its texts fall back to English.
    public func isWritten(in language: Language) -> Bool { languages.contains(language.authoringFallback) }

    /// The mapping for enrollments on `version`: the file's entry, or the one that keeps every step's id.
    public func migration(from version: Int, file: String) -> VersionMigration {
        migrations.first { $0.from == version } ?? .sameIDs(from: version, file: file)
    }

    public func fact(_ id: FactID) -> FactDefinition? { factIndex[id].map { facts[$0] } }
    public func step(_ id: StepID) -> StepDefinition? { stepIndex[id].map { steps[$0] } }
    public func index(of step: StepID) -> Int? { stepIndex[step] }

    /// The journey as its file declares it: each repeated step and fact once, with its `forEach`, for showing the
    /// journey's design (`lotsen show`, `lotsen graph`) rather than one household's plan.
    public var asDeclared: Journey { declaredForm ?? self }

    /// The steps a person reads at the top level: ordinary steps and groups, without the alternatives inside groups.
    public var topLevelSteps: [StepDefinition] { steps.filter { $0.group == nil } }

    /// The types of every declared fact, for checking conditions.
    public var factTypes: [FactID: FactType] { Dictionary(uniqueKeysWithValues: facts.map { ($0.id, $0.type) }) }
}
