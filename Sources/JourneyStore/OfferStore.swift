import Foundation
import JourneyModel

/// The agencies' life events and the offers they make (``Offer``). Recording an event and making its offers is one
/// transaction, so the same message twice makes its offers once.
public protocol OfferStore: Sendable {
    /// The life event an agency sent under `messageID`, if it is kept.
    func lifeEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> ReceivedLifeEvent?

    /// In one write transaction: records `event` and makes `offers` (their `id`s are ignored). An offer for a person
    /// and journey that already has an open offer not yet expired is not made; an expired one it replaces is stored
    /// as expired. Returns the offers made, numbered. Fails with ``StorageError/Code/conflict``, writing nothing, when
    /// the event's (agency, message id) is taken.
    func receive(_ event: ReceivedLifeEvent, offers: [Offer]) async throws(StorageError) -> [Offer]

    /// Every offer the person has had, newest first. A person gets at most one open offer per journey, so there is no
    /// paging.
    func offers(of person: PersonID) async throws(StorageError) -> [Offer]

    /// Settles the person's offer as `decision` (accepted or declined) at `at`, with the enrollment an acceptance
    /// started, if it is still open and not expired at `at`. Returns the offer as it then stands (unchanged when it was
    /// not open); `nil` when the person has no offer with that id.
    func decideOffer(_ id: Int64, of person: PersonID, _ decision: Offer.Status, enrollment: EnrollmentID?, at: Date) async throws(StorageError) -> Offer?
}
