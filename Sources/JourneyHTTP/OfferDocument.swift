import Foundation
import JourneyModel
import JourneyStore

/// An offer as the API shows it to the person it is for (`GET /v1/people/{personId}/offers`).
struct OfferDocument: Encodable {
    let id: String
    let journey: String
    /// The agency and the kind of life event that made the offer: `skatteverket`, `birth-registered`.
    let agency: String
    let event: String
    /// What the event proves, fact by fact, in canonical form: filled in, as the agency's, on accepting.
    let facts: [String: String]
    /// `open`, `accepted`, `declined` or `expired`, as it stands now.
    let status: String
    let createdAt: Date
    let expiresAt: Date
    let decidedAt: Date?
    /// The enrollment accepting it started.
    let enrollment: String?

    init(_ offer: Offer, at now: Date) {
        id = String(offer.id)
        journey = offer.journey.rawValue
        agency = offer.agency.rawValue
        event = offer.event
        facts = Dictionary(offer.facts.map { ($0.fact.rawValue, $0.value.canonical) }, uniquingKeysWith: { first, _ in first })
        status = offer.standing(at: now).rawValue
        createdAt = offer.createdAt
        expiresAt = offer.expiresAt
        decidedAt = offer.decidedAt
        enrollment = offer.enrollment?.rawValue
    }
}

/// The person's offers, newest first.
struct OfferListDocument: Encodable {
    let items: [OfferDocument]
}
