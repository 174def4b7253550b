import JourneyModel

/// A journey made from another format, before it is written as a journey file: plain values in one language.
struct ImportedJourney {
    struct Link {
        let title: String
        let url: String
        let cost: String?
        let kind: StepLink.Kind
    }

    struct Step {
        let id: String
        let title: String
        var summary: String?
        var optional = false
        var cost: String?
        var links: [Link] = []
        var after: [String] = []
        /// For a `oneOf` group: its alternatives.
        var alternatives: [Step] = []
    }

    let id: String
    let title: String
    let summary: String
    let language: Language
    let lifeEvent: LifeEvent?
    /// Where the content came from, for the file's header.
    let source: String?
    let steps: [Step]
}
