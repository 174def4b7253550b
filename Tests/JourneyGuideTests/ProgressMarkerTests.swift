import Testing

@testable import JourneyGuide

@Suite("Guide: the step list's markers line up in every script")
struct ProgressMarkerTests {
    @Test("a marker with an Arabic vowel sign is padded by the columns it takes, so the steps under it line up")
    func combiningMarksTakeNoColumn() {
        // "وأيضاً" is five characters on screen but six UTF-16 units: the fathatan combines with the alif.
        #expect(ProgressScreen.pad("وأيضاً", 8).count == 8)
        #expect(ProgressScreen.pad("and", 8) == "and     ")
        #expect(ProgressScreen.pad("antingen", 8) == "antingen ")
    }
}
