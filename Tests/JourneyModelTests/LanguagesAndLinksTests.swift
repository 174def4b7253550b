import Testing

@testable import JourneyModel

@Suite("A journey may be written in one language, leave out its life event, and list links per step")
struct LanguagesAndLinksTests {
    static let yaml = """
        id: learn-to-drive
        version: 1
        languages: [en]
        title: { en: Learn to drive a car }
        summary: { en: Check what you need to do. }
        steps:
          - id: licence
            title: { en: Get a provisional driving licence }
            cost: { en: "£34" }
            links:
              - title: { en: Apply for your first provisional driving licence }
                url: https://www.gov.uk/apply-first-provisional-driving-licence
                cost: { en: "£34" }
              - title: { en: Find a counsellor }
                url: https://www.counselling-directory.org.uk/
                kind: optional
        """

    @Test("an English-only journey loads; its texts stand in for Swedish, and it says which languages it is written in")
    func englishOnly() throws {
        let loaded = JourneyLoader.load(Self.yaml, file: "learn-to-drive.yaml", catalog: nil)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let journey = try #require(loaded.journey)
        #expect(journey.languages == [.en])
        #expect(journey.isWritten(in: .en))
        #expect(!journey.isWritten(in: .sv))
        #expect(journey.lifeEvent == nil)
        #expect(journey.title[.sv] == "Learn to drive a car")
        let step = try #require(journey.step("licence"))
        #expect(step.links == [
            StepLink(title: LocalizedText("Apply for your first provisional driving licence"), url: "https://www.gov.uk/apply-first-provisional-driving-licence",
                cost: LocalizedText("£34")),
            StepLink(title: LocalizedText("Find a counsellor"), url: "https://www.counselling-directory.org.uk/", kind: .optional),
        ])
    }

    @Test("without languages, a journey is in Swedish and English, and both are required as before")
    func bothByDefault() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "languages: [en]\n", with: "")
        let loaded = JourneyLoader.load(yaml, file: "learn-to-drive.yaml", catalog: nil)
        #expect(loaded.journey == nil)
        #expect(loaded.diagnostics.contains { $0.message == "missing Swedish translation (sv)" && $0.path == "title" })
    }
}
