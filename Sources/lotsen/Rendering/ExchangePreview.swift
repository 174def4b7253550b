import JourneyEngine
import JourneyModel

/// The consent previews the CLI prints: which fields go from where to where, and for which step.
/// Field names and sources only; values stay out of terminal logs and scrollback.
enum ExchangePreview {
    static func lines(_ offer: LookupOffer, language: Language) -> [String] {
        let purpose = offer.step.map { "for the step '\($0.title[language])'" } ?? "to decide which steps apply to you"
        return ["Lotsen can fetch from \(offer.agency.name[language]) (\(offer.service.title[language])), \(purpose) in \(offer.journey.title[language]):"]
            + offer.facts.map { "  - \($0.id)" }
            + ["Nothing else is read. If you say no, you answer these questions yourself."]
    }

    static func lines(_ offer: SubmissionOffer, language: Language) -> [String] {
        ["Lotsen can send your application for '\(offer.step.title[language])' to \(offer.agency.name[language]) (\(offer.service.title[language])):"]
            + offer.fields.map { "  - \($0.fact.id) → \($0.agencyField)   (\(source($0.source, language: language)))" }
            + ["Nothing else is sent. If you say no, apply on the agency's own site and mark the step done."]
    }

    static func source(_ source: FactSource, language: Language) -> String {
        switch source {
        case .person: "you answered"
        case .agency(let service): "from \(service)"
        case .step(let step): "from the step '\(step)'"
        }
    }
}
