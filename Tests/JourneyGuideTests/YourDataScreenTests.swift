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
