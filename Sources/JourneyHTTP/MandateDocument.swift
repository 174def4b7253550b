import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// A mandate as the API shows it, to its grantor, its representative and caseworkers.
struct MandateDocument: Encodable {
    let id: String
    let grantor: String
    let representative: String
    let journeys: [String]
    let services: [String]
    /// The first and the last day it holds (days in Sweden).
    let from: String
    let until: String
    /// `pending` (not started), `active`, `ended` or `withdrawn`.
    let status: String
    /// Active and ending within 14 days.
    let expiresSoon: Bool
    let grantedAt: Date
    let withdrawnAt: Date?

    init(_ mandate: Mandate, book: MandateBook, now: Date) {
        id = mandate.id
        grantor = mandate.grantor.rawValue
        representative = mandate.representative.rawValue
        journeys = mandate.journeys.map(\.rawValue)
        services = mandate.services.map(\.rawValue)
        from = book.day(of: mandate.validFrom).description
        until = book.lastDay(of: mandate).description
        status = mandate.status(at: now).rawValue
        expiresSoon = mandate.expiresSoon(at: now)
        grantedAt = mandate.grantedAt
        withdrawnAt = mandate.withdrawnAt
    }
}

/// The mandates a person granted or holds.
struct MandateListDocument: Encodable {
    let items: [MandateDocument]
}
