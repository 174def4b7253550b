import JourneyEngine
import JourneyModel
import JourneyStore

extension GuideSession {
    /// The person's open offers, one screen each, before the list of life events: accepting one starts its journey,
    /// which the guide then continues with; declining closes it; deciding later leaves it for the next visit.
    func offeredJourney(for reference: PersonReference?) throws(GuideStop) -> Journey? {
        guard let reference, reference != .new else { return nil }
        let engine = self.engine
        let offers: [Offer]
        do {
            let person = try awaitFromThread { () async throws(EngineError) in try await engine.person(reference) }.id
            offers = try awaitFromThread { () async throws(EngineError) in try await engine.openOffers(of: person) }
        } catch {
            if error.code == .unknownPerson { return nil }
            throw .failed(error)
        }
        for offer in offers {
            guard let journey = engine.library.journey(offer.journey) else { continue }
            present(OfferScreen(offer: offer, journey: journey, catalog: engine.library.catalog, strings: strings).screen)
            let id = offer.id
            let person = offer.person
            switch try choose(3) {
            case .number(0):
                do { _ = try awaitFromThread { () async throws(EngineError) in try await engine.acceptOffer(id, of: person) } } catch { throw .failed(error) }
                startedFromOffer = journey.id
                return journey
            case .number(1):
                do { _ = try awaitFromThread { () async throws(EngineError) in try await engine.declineOffer(id, of: person) } } catch { throw .failed(error) }
                notices.append(Line(strings.offerDeclined(journey.title[strings.language]), style: .success))
            default:
                continue
            }
        }
        return nil
    }
}
