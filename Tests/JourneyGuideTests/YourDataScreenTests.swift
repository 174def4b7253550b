import Foundation
import JourneyModel
import JourneyStore
import Testing

@testable import JourneyGuide

/// The person's data screen: beside a fact an agency supplied, what the person says instead (issue 15, part 5).
@Suite("Guide: the person's own data")
struct YourDataScreenTests {
    @Test("a claim is shown under the agency's value it disputes, which stays", arguments: [Language.en, .sv])
    func claimBesideTheAgencyValue(language: Language) throws {
        let journey = try #require(GuideFixture.library.journey("new-in-sweden"))
        let at = Date(timeIntervalSince1970: 1_767_225_600)
        let screen = YourDataScreen(journey: journey,
            known: ["fullName": KnownFact(value: .text("Tolvan Tolvansson"), source: .agency("skatteverket.population-record"), recordedAt: at)],
            claims: ["fullName": KnownFact(value: .text("Tolvan Testsson"), source: .person, recordedAt: at)], journal: [],
            catalog: GuideFixture.library.catalog, strings: GuideStrings(language: language)).screen
        let texts = screen.lines.map(\.text)
        let fact = try #require(texts.firstIndex { $0.hasSuffix("Tolvan Tolvansson") })
        #expect(texts[fact + 2] == GuideStrings(language: language).yourClaim("Tolvan Testsson"))
        #expect(texts[fact + 2].contains(language == .en ? "You say: Tolvan Testsson" : "Du säger: Tolvan Testsson"))
    }
}

extension YourDataScreenTests {
    @Test("a value a step gave names the step by its title in the reader's language, never by its id", arguments: [Language.en, .sv, .uk])
    func stepSourceByTitle(language: Language) throws {
        let journey = try #require(GuideFixture.library.journey("new-in-sweden"))
        let at = Date(timeIntervalSince1970: 1_767_225_600)
        let screen = YourDataScreen(journey: journey,
            known: ["personnummer": KnownFact(value: .personnummer(try Personnummer(parsing: OfficialTestNumbers.personnummer)),
                source: .step("receive-personnummer"), recordedAt: at)],
            claims: [:], journal: [], catalog: GuideFixture.library.catalog, strings: GuideStrings(language: language)).screen
        let strings = GuideStrings(language: language)
        let title = try #require(strings.text(journey.step("receive-personnummer")?.title))
        #expect(screen.lines.map(\.text).contains(strings.sourceStep(title)))
        #expect(!screen.lines.map(\.text).contains { $0.contains("receive-personnummer") })
    }
}

/// Who acted for the person, as the data screen's journal says it (issue 15, part 6).
@Suite("Guide: the journal says who acted for the person")
struct ActingForTheirJournalTests {
    static func entry(_ action: AccessEntry.Action, role: AccessRequester.Role?, representation: Representation? = nil) -> AccessEntry {
        let at = Date(timeIntervalSince1970: 1_767_225_600)
        guard let role else {
            return AccessEntry(at: at, person: "lp-a", actor: .person, journey: nil, step: nil, service: nil, action: action, fields: [],
                outcome: .completed, detail: "md-1")
        }
        return AccessEntry.request(at: at, person: "lp-a", requester: AccessRequester(token: "tk-1", role: role, purpose: "POST /v1/enrollments",
            representation: representation), action: action, outcome: .completed, detail: action == .mandateGranted ? "md-1" : nil)
    }

    @Test("a representative, a counter and a mandate granted or withdrawn each read as what they were")
    func representativeCounterAndMandates() {
        let strings = GuideStrings(language: .en)
        func line(_ entry: AccessEntry) -> String { strings.journalLine(entry, agency: "", fields: []) }
        #expect(line(Self.entry(.change, role: .representative, representation: Representation(representative: "lp-b", mandate: "md-1")))
            == "your representative made a change for you")
        #expect(line(Self.entry(.read, role: .counter)) == "a caseworker at the counter read your data")
        #expect(line(Self.entry(.mandateGranted, role: .person)) == "a mandate was granted: md-1")
        #expect(line(Self.entry(.mandateWithdrawn, role: nil)) == "a mandate was withdrawn: md-1")
        #expect(GuideStrings(language: .sv).journalLine(Self.entry(.change, role: .representative), agency: "", fields: [])
            == "ditt ombud gjorde en ändring åt dig")
    }

    @Test("a guardian's read and change read as your guardian's, in both languages")
    func guardianReadsAsYourGuardian() {
        let acting = Representation.guardian("lp-g")
        #expect(GuideStrings(language: .en).journalLine(Self.entry(.change, role: .guardian, representation: acting), agency: "", fields: [])
            == "your guardian made a change for you")
        #expect(GuideStrings(language: .sv).journalLine(Self.entry(.read, role: .guardian, representation: acting), agency: "", fields: [])
            == "din vårdnadshavare läste dina uppgifter")
    }
}
