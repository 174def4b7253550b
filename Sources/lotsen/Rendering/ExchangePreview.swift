import JourneyEngine
import JourneyModel
import JourneyStore

/// The consent previews the CLI prints: exactly what goes from where to where, for which step, with each value that
/// will be sent and where Lotsen has it from. They are the person's own preview, on their terminal; the access
/// journal and the logs name fields only, never values.
enum ExchangePreview {
    static func lines(_ offer: LookupOffer, person: StoredPerson, language: Language) -> [String] {
        let purpose = offer.step.map { "for the step '\($0.title[language])'" } ?? "to decide which steps apply to you"
        var lines = ["Lotsen can fetch from \(offer.agency.name[language]) (\(offer.service.title[language])), \(purpose) in \(offer.journey.title[language]):"]
            + offer.facts.map { "  - \($0.id)" }
        if let number = person.identity {
            // The only value a lookup sends: the number the agency finds the person's record by.
            lines.append("To find your record, Lotsen sends your \(number.kind == .samordningsnummer ? "samordningsnummer" : "personnummer") "
                + "\(number.formatted)   (\(proof(person.proof)))")
        }
        return lines + ["Nothing else is read. If you say no, you answer these questions yourself."]
    }

    static func lines(_ offer: SubmissionOffer, language: Language) -> [String] {
        ["Lotsen can send your application for '\(offer.step.title[language])' to \(offer.agency.name[language]) (\(offer.service.title[language])):"]
            + offer.fields.map { field in
                "  - \(field.fact.id) → \(field.agencyField): \(field.value.display(in: language, type: field.fact.type))   "
                    + "(\(source(field.source, language: language)))"
            }
            + ["Nothing else is sent. If you say no, apply on the agency's own site and mark the step done."]
    }

    static func source(_ source: FactSource, language: Language) -> String {
        switch source {
        case .person: "you answered"
        case .agency(let service): "from \(service)"
        case .step(let step): "you said, at the step '\(step)'"
        }
    }

    static func proof(_ proof: IdentityProof?) -> String {
        switch proof?.method {
        case .eid: "proven by your e-legitimation login"
        case .agencyOfRecord: "from Skatteverket's own answer"
        case nil: "not proven"
        }
    }
}
