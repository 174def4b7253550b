import Foundation
import JourneyModel
import Testing

@testable import JourneyInterop

@Suite("A GOV.UK step-by-step navigation imports as a journey that validates")
struct GOVUKImporterTests {
    private func load(_ result: GOVUKImporter.Result) throws -> Journey {
        let loaded = JourneyLoader.load(result.yaml, file: "\(result.journeyID).yaml", catalog: nil)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return try #require(loaded.journey)
    }

    private func importFixture(_ name: String, options: GOVUKImporter.Options = .init()) throws -> GOVUKImporter.Result {
        try GOVUKImporter.importFile(at: Fixture.url(name), file: name, options: options)
    }

    @Test("Learn to drive: numbered steps follow each other, the 'and' step sits beside the one before, fees become costs")
    func learnToDrive() throws {
        let result = try importFixture("learn-to-drive-a-car.json")
        #expect(result.warnings.isEmpty)
        let journey = try load(result)
        #expect(journey.id == "learn-to-drive-a-car")
        #expect(journey.languages == [.en])
        #expect(journey.lifeEvent == nil)
        #expect(journey.title.en == "Learn to drive a car")
        #expect(journey.summary.en == "Check what you need to do to learn to drive.")
        #expect(journey.stages.map { $0.map(\.id.rawValue) } == [
            ["check-youre-allowed-to-drive"], ["get-a-provisional-driving-licence"],
            ["driving-lessons-and-practice", "prepare-for-your-theory-test"], ["book-and-manage-your-theory-test"],
            ["book-and-manage-your-driving-test"], ["when-you-pass"],
        ])
        let licence = try #require(journey.step("get-a-provisional-driving-licence"))
        #expect(licence.cost?.en == "£34")
        #expect(licence.service == nil)
        #expect(licence.links == [StepLink(title: LocalizedText("Apply for your first provisional driving licence"),
            url: "https://www.gov.uk/apply-first-provisional-driving-licence", cost: LocalizedText("£34"))])
        let drivingTest = try #require(journey.step("book-and-manage-your-driving-test"))
        #expect(drivingTest.summary?.en == "You must pass your theory test before you can book your driving test.\n\nChange your driving test appointment")
        #expect(drivingTest.links.count == 4)
    }

    @Test("Get a divorce: optional steps stay optional, a choice list's links are choices, an http link is upgraded with a warning")
    func divorce() throws {
        let result = try importFixture("get-a-divorce.json", options: .init(id: "divorce", lifeEvent: .familyChild))
        let journey = try load(result)
        #expect(journey.id == "divorce")
        #expect(journey.lifeEvent == .familyChild)
        #expect(journey.steps.map(\.optional) == [true, false, true])
        let arrangements = try #require(journey.step("make-arrangements-for-your-children-money-and-property"))
        #expect(arrangements.links.map(\.kind) == [.required, .required, .choice, .choice, .choice, .choice, .choice])
        let support = try #require(journey.step("get-support-and-advice"))
        #expect(support.cost?.en == "£35 to £60 per session")
        #expect(support.links[1].url == "https://www.counselling-directory.org.uk/adv-search.html")
        #expect(result.warnings.map(\.path) == ["details.step_by_step_nav.steps[0].contents[1].contents[1].href"])
    }

    @Test("hostile content: scripts and non-web links are dropped with warnings, ids stay unique and ASCII, 'or' makes alternatives")
    func hostile() throws {
        let result = try importFixture("hostile.json")
        let journey = try load(result)
        #expect(!result.yaml.lowercased().contains("javascript"))
        #expect(!result.yaml.contains("data:text"))
        #expect(!result.yaml.contains("alert"))
        #expect(!result.yaml.contains("evil.example"))
        #expect(journey.title.en == "Commute safely")
        #expect(journey.summary.en == "Plan your commute & stay safe.")
        let group = try #require(journey.step("either-drive-to-work"))
        #expect(group.alternatives == ["drive-to-work", "walk-to-work", "cycle-to-work"])
        #expect(group.title.en == "Drive to work, Walk to work or Cycle to work")
        #expect(journey.step("walk-to-work")?.optional == true)
        #expect(journey.step("cycle-to-work")?.links.map(\.kind) == [.choice])
        #expect(journey.step("do-work")?.after == ["either-drive-to-work"])
        #expect(journey.step("do-work-2")?.after == ["either-drive-to-work"])
        #expect(journey.step("do-work")?.optional == true)
        #expect(journey.step("do-work")?.links.map(\.title.en) == ["Ask for flexible working (1 to 10 minutes)"])
        let pay = try #require(journey.step("fa-betalt-for-ditt-arbete-alderspension-skatt"))
        #expect(pay.optional)
        #expect(pay.after == ["do-work", "do-work-2"])
        #expect(pay.links.first?.url == "https://www.skatteverket.se/privat")
        #expect(journey.step("step-7") != nil)
        #expect(journey.step("drive-to-work")?.summary?.en
            == "If you do not have a car, you will need to choose an alternative.\n\nCheck your car\n\nTax your vehicle (£180 a year)\n\nInsure your car")
        let messages = result.warnings.map(\.description)
        #expect(messages.contains("locale: the content item has no locale; it is read as English (en)"))
        #expect(messages.filter { $0.contains("link dropped") }.count == 5)
        #expect(messages.contains { $0.hasPrefix("details.step_by_step_nav.steps[3].contents[2].type: unknown content type 'video'") })
        #expect(messages.contains { $0.hasPrefix("details.step_by_step_nav.steps[6].logic: unknown logic 'xor'") })
    }

    @Test("a title that looks like YAML stays one text")
    func yamlInjection() throws {
        let title = "Pay\"\n  - id: injected\n    title: { en: x }\u{2028}# not a comment: really"
        let json = #"{"locale": "en", "base_path": "/x", "details": {"step_by_step_nav": {"title": "T", "steps": [{"title": "#
            + jsonString(title) + #", "contents": []}]}}}"#
        let journey = try load(try GOVUKImporter.importJSON(Array(json.utf8), file: "x.json"))
        #expect(journey.steps.map(\.title.en) == ["Pay\" - id: injected title: { en: x } # not a comment: really"])
    }

    private func jsonString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    @Test("what cannot be imported is refused, naming the file and where", arguments: [
        ("get-a-divorce-no-steps.json", ImportError.Code.notStepByStep,
            "get-a-divorce-no-steps.json: details.step_by_step_nav.steps: the step-by-step navigation has no steps"),
        ("council-tax-guide.json", .notStepByStep, "council-tax-guide.json: this is a GOV.UK 'guide' content item, not a step-by-step navigation"),
        ("welsh.json", .unsupportedLanguage,
            "welsh.json: locale: the content item is in 'cy', and Lotsen's journeys are written in Swedish (sv) or English (en)"),
        ("malformed.json", .syntax, "malformed.json:6:51: not valid JSON: a comma before '}' is not allowed in JSON"),
    ])
    func refused(_ name: String, _ code: ImportError.Code, _ message: String) {
        let error = #expect(throws: ImportError.self) { try importFixture(name) }
        #expect(error?.code == code)
        #expect(error?.description == message)
        #expect(error?.hint != nil)
    }

    @Test("a journey id that is not kebab-case is refused")
    func badID() {
        let error = #expect(throws: ImportError.self) { try importFixture("learn-to-drive-a-car.json", options: .init(id: "Learn_To_Drive")) }
        #expect(error?.code == .invalidOption)
    }

    @Test("a file larger than any content item is refused before it is parsed")
    func hugeFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lotsen-huge-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: UInt8(ascii: " "), count: GOVUKImporter.maximumFileSize + 1).write(to: url)
        let error = #expect(throws: ImportError.self) { try GOVUKImporter.importFile(at: url, file: "huge.json") }
        #expect(error?.code == .unreadable)
    }

    @Test("deeply nested JSON is refused with its line and column")
    func deeplyNested() {
        let json = "{\"details\": " + String(repeating: "[", count: 100_000)
        let error = #expect(throws: ImportError.self) { try GOVUKImporter.importJSON(Array(json.utf8), file: "deep.json") }
        #expect(error?.code == .syntax)
        #expect(error?.line == 1)
    }
}
