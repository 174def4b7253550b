import JourneyModel

/// A journey in the catalogue list.
struct JourneySummaryDocument: Encodable {
    let id: String
    let version: Int
    /// Absent when the journey fits none of the life events.
    let lifeEvent: String?
    /// The languages the journey is written in; in any other, its texts are in the first of these.
    let languages: [String]
    let title: String
    let summary: String
    let stepCount: Int

    init(_ journey: Journey, language: Language) {
        id = journey.id.rawValue
        version = journey.version
        lifeEvent = journey.lifeEvent?.rawValue
        languages = journey.languages.map(\.rawValue)
        title = journey.title[language]
        summary = journey.summary[language]
        // As the file declares them: a step repeated for each household member counts once.
        stepCount = journey.asDeclared.steps.filter { !$0.isGroup }.count
    }
}

struct JourneyListDocument: Encodable {
    let journeys: [JourneySummaryDocument]
}

/// One journey definition with its steps and facts, in one language.
struct JourneyDocument: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
    }

    struct Fact: Encodable {
        let id: String
        let type: String
        /// The question a person is asked; absent when the fact is only fetched or produced by a step.
        let question: String?
        let help: String?
        let options: [Option]?
        /// Agency services that can supply it.
        let from: [String]
        /// The household member a copy of a repeated fact is about (`partner`, `child-2`); absent for the person's own.
        let member: String?
    }

    struct Link: Encodable {
        let title: String
        let url: String
        let cost: String?
        /// `required`, `optional` or `choice` (one of several, only those that apply).
        let kind: String
    }

    struct Step: Encodable {
        let id: String
        let title: String
        let summary: String?
        let service: String?
        let agency: String?
        let after: [String]
        /// The condition, as written in the journey file.
        let when: String?
        let needs: [String]
        let produces: [String]
        let optional: Bool
        let cost: String?
        let link: String?
        /// Further pages for the step; absent when there are none.
        let links: [Link]?
        /// ISO 8601 duration, such as `P4M`.
        let processingTime: String?
        /// For an alternative of a `oneOf` group: the group.
        let group: String?
        /// For a `oneOf` group: its alternatives.
        let alternatives: [String]?
        /// The household member a copy of a repeated step is for (`partner`, `child-2`); absent for the person's own.
        let member: String?
    }

    let id: String
    let version: Int
    /// Absent when the journey fits none of the life events.
    let lifeEvent: String?
    /// The languages the journey is written in; in any other, its texts are in the first of these.
    let languages: [String]
    let title: String
    let summary: String
    let facts: [Fact]
    let steps: [Step]

    init(_ journey: Journey, language: Language, catalog: AgencyCatalog) {
        id = journey.id.rawValue
        version = journey.version
        lifeEvent = journey.lifeEvent?.rawValue
        languages = journey.languages.map(\.rawValue)
        title = journey.title[language]
        summary = journey.summary[language]
        facts = journey.facts.map { fact in
            let options = fact.type.options.map { Option(value: $0.value, label: $0.label[language]) }
            return Fact(id: fact.id.rawValue, type: fact.type.keyword, question: fact.ask?[language], help: fact.help?[language],
                options: options.isEmpty ? nil : options, from: fact.from.map(\.rawValue), member: fact.member?.key)
        }
        steps = journey.steps.map { step in
            Step(id: step.id.rawValue, title: step.title[language], summary: step.summary?[language], service: step.service?.rawValue,
                agency: step.service.flatMap { catalog.agency($0.agency)?.name[language] }, after: step.after.map(\.rawValue),
                when: step.when?.source, needs: step.needs.map(\.rawValue), produces: step.produces.map(\.rawValue), optional: step.optional,
                cost: step.cost?[language], link: step.link(in: language),
                links: step.links.isEmpty
                    ? nil : step.links.map { Link(title: $0.title[language], url: $0.url, cost: $0.cost?[language], kind: $0.kind.rawValue) },
                processingTime: step.processingTime?.description, group: step.group?.rawValue,
                alternatives: step.isGroup ? step.alternatives.map(\.rawValue) : nil, member: step.member?.key)
        }
    }
}
