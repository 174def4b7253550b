import Foundation
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

@testable import JourneyEngine

/// "Tur och retur Sverige" (journeys/to-and-from-sweden.yaml) driven to completion, answered in Swedish and in English:
/// the steps follow citizenship, destination, studies, pension and income, and registering again is due a week from
/// the return date.
extension RealJourneyTests {
    static let abroad: JourneyID = "to-and-from-sweden"

    @Test("a Swedish citizen studying in Spain, answered in Swedish: deregistered, the EU card, CSN, the vote, registered again")
    func swedishStudentInSpainInSwedish() async throws {
        let outcome = try await drive(Self.abroad, profile: [
            "abroadAtLeastOneYear": "ja", "departureDate": "2027-01-15", "destination": "Spanien", "citizenship": "Sverige",
            "studying": "ja", "receivesPension": "nej", "swedishIncome": "nej", "hasDrivingLicence": "ja",
            "plansToReturn": "ja", "returnDate": "2029-06-01", "fullName": "Tolvan Tolvansson", "address": "Testgatan 1, 123 45 Exempelstad",
        ], person: .identity(try Personnummer(parsing: OfficialTestNumbers.personnummer)))
        #expect(outcome.done.isSuperset(of: ["notify-move", "notify-move-abroad", "social-insurance-abroad", "health-cover",
            "health-cover-eu", "study-aid-abroad", "address-and-vote-abroad", "driving-licence-abroad", "move-back",
            "register-again", "identity-visit-again", "insurance-again", "passport-abroad"]))
        #expect(outcome.notApplicable.isSuperset(of: ["stay-registered", "health-cover-elsewhere", "pension-abroad", "sink"]))
        #expect(Set(outcome.asked).count == outcome.asked.count)
    }

    @Test("a pensioner who is not a Swedish citizen moves to Japan, answered in English: pension, SINK, care outside the EU")
    func pensionerToJapanInEnglish() async throws {
        let outcome = try await drive(Self.abroad, profile: [
            "abroadAtLeastOneYear": "yes", "departureDate": "2027-01-15", "destination": "Japan", "citizenship": "Norway",
            "studying": "no", "receivesPension": "yes", "swedishIncome": "yes", "hasDrivingLicence": "no",
            "plansToReturn": "yes", "returnDate": "2030-03-01", "fullName": "Tolvan Tolvansson", "address": "Testgatan 1, 123 45 Exempelstad",
        ], person: .identity(try Personnummer(parsing: OfficialTestNumbers.personnummer)))
        #expect(outcome.done.isSuperset(of: ["notify-move-abroad", "health-cover-elsewhere", "pension-abroad", "sink",
            "address-and-vote-abroad", "register-again", "insurance-again"]))
        #expect(outcome.notApplicable.isSuperset(of: ["health-cover-eu", "study-aid-abroad", "passport-abroad", "driving-licence-abroad"]))
    }

    @Test("away less than a year: nothing to tell Skatteverket, and nothing to register again on the way back")
    func shortStayStaysRegistered() async throws {
        let outcome = try await drive(Self.abroad, profile: [
            "abroadAtLeastOneYear": "no", "destination": "DE", "citizenship": "SE", "studying": "no", "receivesPension": "no",
            "swedishIncome": "no", "hasDrivingLicence": "no", "plansToReturn": "yes", "returnDate": "2027-09-01",
            "personnummer": OfficialTestNumbers.personnummer,
        ], skip: ["passport-abroad"])
        #expect(outcome.done.isSuperset(of: ["stay-registered", "social-insurance-abroad", "health-cover-eu", "move-back"]))
        #expect(outcome.notApplicable.isSuperset(of: ["notify-move-abroad", "address-and-vote-abroad", "register-again",
            "identity-visit-again", "insurance-again"]))
        // Without a notification there is no departure date to send, so it is never asked.
        #expect(!outcome.asked.contains("departureDate"))
    }

    @Test("emigrating for good: the journey is complete once the move is done, and the way back is never asked about")
    func emigratingForGoodCompletes() async throws {
        let outcome = try await drive(Self.abroad, profile: [
            "abroadAtLeastOneYear": "yes", "departureDate": "2027-01-15", "destination": "Canada", "citizenship": "Sweden",
            "studying": "no", "receivesPension": "no", "swedishIncome": "no", "hasDrivingLicence": "no",
            "plansToReturn": "no", "fullName": "Tolvan Tolvansson", "address": "Testgatan 1, 123 45 Exempelstad",
        ], skip: ["passport-abroad"], person: .identity(try Personnummer(parsing: OfficialTestNumbers.personnummer)))
        #expect(outcome.done.isSuperset(of: ["notify-move-abroad", "social-insurance-abroad", "health-cover-elsewhere", "address-and-vote-abroad"]))
        #expect(outcome.notApplicable.isSuperset(of: ["move-back", "register-again", "identity-visit-again", "insurance-again"]))
        #expect(!outcome.asked.contains("returnDate"))
    }

    @Test("registering again is due a week from the return date, and only after a move of at least a year")
    func registeringAgainIsDueAWeekFromTheReturn() async throws {
        let emigrant = try await engine.enroll(.new, in: Self.abroad).enrollment.person
        #expect(try await engine.overview(.id(emigrant)).enrollments[0].enrollment.steps["register-again"]?.due == nil)
        let answered = try await engine.answer(person: emigrant, journey: Self.abroad,
            answers: [("returnDate", "2029-06-01"), ("abroadAtLeastOneYear", "yes"), ("plansToReturn", "yes")])
        // The end of 1 June, plus a week: the last day is 8 June.
        #expect(answered.enrollments[0].enrollment.steps["register-again"]?.due == Self.date("2029-06-09T00:00:00Z"))

        let traveller = try await engine.enroll(.new, in: Self.abroad).enrollment.person
        let view = try await engine.answer(person: traveller, journey: Self.abroad,
            answers: [("returnDate", "2029-06-01"), ("abroadAtLeastOneYear", "no")]).enrollments[0]
        #expect(view.plan.status(of: "register-again")?.state == .notApplicable)
        #expect(view.enrollment.steps["register-again"]?.due == nil)
    }
}

@Suite("Tur och retur Sverige: the move abroad goes to Skatteverket's sandbox, with consent")
struct MovingAbroadSubmissionTests {
    @Test("the notification of moving abroad carries the departure date and the country, and is decided approved")
    func notificationOfMovingAbroadIsSubmitted() async throws {
        try await ExchangeHarness.with { h in
            let person = try await h.enroll(SandboxSeed.registeredPerson, in: "to-and-from-sweden",
                answers: [("abroadAtLeastOneYear", "yes"), ("departureDate", "2027-01-15"), ("destination", "DE")])
            await #expect(try h.status(of: "notify-move-abroad", person, "to-and-from-sweden").state == .available)

            let offer = try await h.exchange.submissionOffer(step: "notify-move-abroad", person: person, journey: "to-and-from-sweden")
            #expect(offer.service.id == "skatteverket.moving-abroad")
            #expect(offer.fields.map(\.agencyField) == ["personnummer", "departureDate", "country"])

            let caseID = try await h.submit("notify-move-abroad", person, "to-and-from-sweden")
            #expect(caseID.hasPrefix("SKV-"))
            let updates = try await h.exchange.refreshCases(of: person)
            #expect(updates.map(\.status) == [.approved])
            #expect(updates.first?.message?.contains("keep your personal identity number") == true)
            await #expect(try h.status(of: "notify-move-abroad", person, "to-and-from-sweden").state == .done)
            try await h.expectJournalHoldsNoPersonalData(person)
        }
    }
}
