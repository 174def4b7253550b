import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen-bench --plans`: what planning one enrollment costs on the shipped journeys, where a household journey carries
/// a copy of each repeated step for every member it can have (New in Sweden: up to a partner and eight children). Plans
/// the same person's facts and progress `count` times per case, in memory (no store): the planner is what every read of
/// an enrollment, every change and every caseworker list runs, so its cost is per request.
struct PlanRun {
    struct Case: Codable {
        let name: String
        let journey: String
        /// Steps in the journey as planned (the household's copies included).
        let steps: Int
        let plans: Int
        let microsecondsPerPlan: Double
        /// The steps the plan shows (copies for members who are not coming left out).
        let shownSteps: Int
    }

    struct Result: Codable {
        let cases: [Case]
        let cpus: Int
    }

    let library: JourneyLibrary
    let count: Int

    func run() throws -> Result {
        let alone: [FactID: String] = ["citizenship": "IN", "stayAtLeastOneYear": "yes", "alreadyRegistered": "no", "movingWithPartner": "no",
            "hasChildren": "no", "lookingForWork": "yes", "hasForeignDrivingLicence": "no", "passportNumber": "X1234567", "permitGround": "work",
            "fullName": "Test Testsson", "address": "Testgatan 1"]
        var family = alone.merging(["movingWithPartner": "yes", "hasChildren": "yes", "childrenMoving": "2"]) { $1 }
        for member in ["partner", "child-1", "child-2"] {
            for (fact, answer) in ["citizenship": "IN", "alreadyRegistered": "no", "passportNumber": "X1234567", "permitGround": "family",
                "fullName": "Test Testsson"]
            {
                family[FactID("\(fact).\(member)")] = answer
            }
        }
        for child in ["child-1", "child-2"] { family[FactID("childDateOfBirth.\(child)")] = "2019-01-01" }
        let progress: [StepID: StepProgress] = ["residence-permit": .completed, "residence-permit.partner": .completed,
            "residence-permit.child-1": .waitingOnAgency(caseReference: "MIG-1"), "bank-account": .started]
        let abroad: [FactID: String] = ["abroadAtLeastOneYear": "yes", "studying": "no", "receivesPension": "no", "swedishIncome": "no",
            "hasDrivingLicence": "yes"]
        return Result(cases: [
            try measure("new-in-sweden, moving alone", "new-in-sweden", alone, progress: ["residence-permit": .completed, "bank-account": .started]),
            try measure("new-in-sweden, a family of four", "new-in-sweden", family, progress: progress),
            try measure("to-and-from-sweden (no household), for comparison", "to-and-from-sweden", abroad, progress: [:]),
        ], cpus: ProcessInfo.processInfo.activeProcessorCount)
    }

    private func measure(_ name: String, _ id: JourneyID, _ answers: [FactID: String], progress: [StepID: StepProgress]) throws -> Case {
        guard let journey = library.journey(id) else { throw BenchError("no journey '\(id)' in the library") }
        var facts: [FactID: FactValue] = [:]
        for (fact, text) in answers {
            guard let definition = journey.fact(fact) else { throw BenchError("'\(id)' has no fact '\(fact)'") }
            facts[fact] = try FactValue.parse(text, as: definition.type)
        }
        var shown = 0
        // Once to warm up, then timed.
        shown = JourneyPlanner.plan(journey, facts: facts, progress: progress).shownSteps.count
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<count { shown = JourneyPlanner.plan(journey, facts: facts, progress: progress).shownSteps.count }
        let seconds = (clock.now - start).timeInterval
        return Case(name: name, journey: id.rawValue, steps: journey.steps.count, plans: count, microsecondsPerPlan: seconds / Double(count) * 1_000_000,
            shownSteps: shown)
    }
}
