import Foundation
import JourneyModel
import Testing

@testable import LotsenBench

@Suite("lotsen-bench --plans plans what it says it plans")
struct PlanRunTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("each case plans the shipped journey with its household's copies and shows only the members who come")
    func casesPlanTheShippedJourneys() throws {
        let library = try JourneyLibrary.load(journeysDirectory: Self.root.appendingPathComponent("journeys"),
            adaptersDirectory: Self.root.appendingPathComponent("adapters"))
        let result = try PlanRun(library: library, count: 3).run()
        #expect(result.cases.map(\.journey) == ["new-in-sweden", "new-in-sweden", "to-and-from-sweden"])
        let alone = result.cases[0], family = result.cases[1]
        // The same journey, copies and all, for both; the family sees its partner's and two children's steps too.
        #expect(alone.steps == family.steps)
        #expect(alone.steps > alone.shownSteps)
        #expect(family.shownSteps > alone.shownSteps)
        #expect(result.cases.allSatisfy { $0.plans == 3 && $0.microsecondsPerPlan > 0 })
    }
}
