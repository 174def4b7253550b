import Foundation
import Testing

@testable import JourneyModel

@Suite("Journey loader: the valid example and the real journeys")
struct JourneyLoaderTests {
    /// The example fixture, loaded against the real adapters; fails the test on any diagnostic.
    static func example() throws -> Journey {
        let library = ValidatorFixtures.loadJourney(ValidatorFixtures.validExample)
        #expect(library.diagnostics.isEmpty, "\n\(ValidatorFixtures.rendered(library.diagnostics).joined(separator: "\n"))")
        return try #require(library.journey("example"))
    }

    static func step(_ journey: Journey, _ id: StepID, sourceLocation: SourceLocation = #_sourceLocation) throws -> StepDefinition {
        try #require(journey.step(id), "no step '\(id)'", sourceLocation: sourceLocation)
    }

    static func index(_ journey: Journey, _ id: StepID, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try #require(journey.index(of: id), "no step '\(id)'", sourceLocation: sourceLocation)
    }

    // MARK: Top level and facts

    @Test("the example's id, version, life event, title and summary are read")
    func topLevel() async throws {
        let journey = try Self.example()
        #expect(journey.id == "example")
        #expect(journey.version == 1)
        #expect(journey.lifeEvent == .familyChild)
        #expect(journey.title == LocalizedText(sv: "Vi ska få barn", en: "We are having a baby"))
        #expect(journey.summary == LocalizedText(sv: "För blivande föräldrar som bor i Sverige.", en: "For parents-to-be who live in Sweden."))
    }

    @Test("facts keep file order and their types")
    func factTypes() async throws {
        let journey = try Self.example()
        #expect(journey.facts.map(\.id) == [
            "personnummer", "dueDate", "relationship", "citizenship", "partnerCitizenship", "bothHaveEId", "isEmployed",
            "plannedLeaveDays", "employer", "childName", "childPersonnummer",
        ])
        #expect(journey.facts.map(\.type.keyword) == [
            "personnummer", "date", "choice", "country", "country", "bool", "bool", "number", "organisationsnummer", "text",
            "personnummer",
        ])
    }

    @Test("a choice fact keeps its options in file order, with labels")
    func choiceOptions() async throws {
        let journey = try Self.example()
        let relationship = try #require(journey.fact("relationship"))
        #expect(relationship.type.options == [
            ChoiceOption(value: "married", label: LocalizedText(sv: "Gifta med varandra", en: "Married to each other")),
            ChoiceOption(value: "cohabiting", label: LocalizedText(sv: "Sambor", en: "Living together")),
            ChoiceOption(value: "apart", label: LocalizedText(sv: "Bor inte ihop", en: "Not living together")),
        ])
        #expect(relationship.ask == LocalizedText(sv: "Hur lever du och den andra föräldern?", en: "What is your relationship with the other parent?"))
    }

    @Test("facts record how they become known: asked, with help, or fetched")
    func factSources() async throws {
        let journey = try Self.example()
        let personnummer = try #require(journey.fact("personnummer"))
        #expect(personnummer.ask == nil)
        #expect(personnummer.from == ["skatteverket.population-record"])
        let dueDate = try #require(journey.fact("dueDate"))
        #expect(dueDate.ask == LocalizedText(sv: "När är barnet beräknat att födas?", en: "When is the baby due?"))
        #expect(dueDate.help == LocalizedText(sv: "Datumet får du av barnmorskan.", en: "The midwife gives you the date."))
        #expect(dueDate.from.isEmpty)
        let childPersonnummer = try #require(journey.fact("childPersonnummer"))
        #expect(childPersonnummer.from == ["skatteverket.population-record"])
        #expect(journey.factTypes.count == journey.facts.count)
    }

    // MARK: Steps

    @Test("steps keep file order, each oneOf group followed by its alternatives")
    func stepOrder() async throws {
        let journey = try Self.example()
        #expect(journey.steps.map(\.id) == [
            "maternity-care", "birth", "confirm-parenthood", "confirm-parenthood-online", "confirm-parenthood-in-person",
            "child-name", "child-residence-permit", "parental-benefit", "notify-employer", "preschool-place",
        ])
        #expect(journey.topLevelSteps.map(\.id) == [
            "maternity-care", "birth", "confirm-parenthood", "child-name", "child-residence-permit", "parental-benefit",
            "notify-employer", "preschool-place",
        ])
    }

    @Test("a step with a service, needs and a link")
    func serviceStep() async throws {
        let journey = try Self.example()
        let step = try Self.step(journey, "maternity-care")
        #expect(step.title == LocalizedText(sv: "Kontakta barnmorskemottagningen", en: "Contact a maternity clinic"))
        #expect(step.summary?.en == "Find a clinic and book your first visit through 1177.")
        #expect(step.service == "region.maternity-care")
        #expect(step.after.isEmpty)
        #expect(step.when == nil)
        #expect(step.needs == ["personnummer", "dueDate"])
        #expect(step.produces.isEmpty)
        #expect(step.optional == false)
        #expect(step.cost == nil)
        #expect(step.link == "https://www.1177.se")
        #expect(step.processingTime == nil)
        #expect(!step.isGroup)
        #expect(step.group == nil)
    }

    @Test("a step without a service that produces a fact")
    func producingStep() async throws {
        let journey = try Self.example()
        let step = try Self.step(journey, "birth")
        #expect(step.service == nil)
        #expect(step.after == ["maternity-care"])
        #expect(step.produces == ["childPersonnummer"])
        #expect(step.needs.isEmpty)
    }

    @Test("after, when and needs on an ordinary step")
    func conditionedStep() async throws {
        let journey = try Self.example()
        let residence = try Self.step(journey, "child-residence-permit")
        #expect(residence.after == ["birth"])
        #expect(residence.when?.source == "not (citizenship in EU_EEA_CH or partnerCitizenship in EU_EEA_CH)")
        #expect(residence.when?.referencedFacts == ["citizenship", "partnerCitizenship"])
        #expect(residence.needs == ["childPersonnummer"])

        let employer = try Self.step(journey, "notify-employer")
        #expect(employer.when?.source == "isEmployed and plannedLeaveDays > 0")
        #expect(employer.needs == ["employer"])

        let name = try Self.step(journey, "child-name")
        #expect(name.after == ["birth", "confirm-parenthood"])
        #expect(name.needs == ["childName", "childPersonnummer"])
        #expect(name.due == StepDeadline(within: ISODuration("P3M")!, anchor: .step("birth")))
        #expect(employer.due == nil)
    }

    @Test("a deadline counts from the start, a step or a date fact, and a date anchor from the end of that day")
    func deadlineAnchors() throws {
        let deadline = StepDeadline(within: ISODuration("P3M")!, anchor: .fact("birthDate"))
        let due = try #require(deadline.due(after: CalendarDate(iso: "2026-11-30")!))
        #expect(due == ISO8601DateFormatter().date(from: "2027-03-01T00:00:00Z"))
        #expect(StepDeadline.Anchor.start.description == "start")
    }

    @Test("optional and processingTime")
    func optionalStep() async throws {
        let journey = try Self.example()
        let preschool = try Self.step(journey, "preschool-place")
        #expect(preschool.optional)
        #expect(preschool.processingTime == ISODuration("P4M"))
        #expect(preschool.processingTime?.months == 4)
        let others = journey.steps.filter { $0.id != "preschool-place" }
        #expect(others.allSatisfy { !$0.optional })
    }

    @Test("the oneOf group lists its alternatives, and each alternative names its group")
    func oneOfGroup() async throws {
        let journey = try Self.example()
        let group = try Self.step(journey, "confirm-parenthood")
        #expect(group.isGroup)
        #expect(group.alternatives == ["confirm-parenthood-online", "confirm-parenthood-in-person"])
        #expect(group.service == nil)
        #expect(group.after == ["maternity-care"])
        #expect(group.when?.source == #"relationship in ["cohabiting", "apart"]"#)

        let online = try Self.step(journey, "confirm-parenthood-online")
        #expect(online.group == "confirm-parenthood")
        #expect(online.service == "skatteverket.parenthood-confirmation")
        #expect(online.after == ["birth"], "an alternative's own 'after', without the group's")
        #expect(online.when?.source == "personnummer is known and bothHaveEId")
        #expect(online.cost == LocalizedText(sv: "Gratis", en: "Free"))

        let inPerson = try Self.step(journey, "confirm-parenthood-in-person")
        #expect(inPerson.group == "confirm-parenthood")
        #expect(inPerson.service == "kommun.family-law")
        #expect(inPerson.after.isEmpty)
        #expect(inPerson.when == nil)
        #expect(inPerson.processingTime == ISODuration("P3W"))

        let groupIndex = try Self.index(journey, "confirm-parenthood")
        let alternatives = [try Self.index(journey, "confirm-parenthood-online"), try Self.index(journey, "confirm-parenthood-in-person")]
        #expect(journey.alternativeIndices[groupIndex] == alternatives)
        for alternative in alternatives { #expect(journey.groupIndex[alternative] == groupIndex) }
        #expect(journey.steps.indices.filter { journey.groupIndex[$0] != nil } == alternatives)
    }

    @Test("alternatives inherit the group's prerequisites and conditions")
    func inheritance() async throws {
        let journey = try Self.example()
        let maternity = try Self.index(journey, "maternity-care")
        let birth = try Self.index(journey, "birth")
        let group = try Self.index(journey, "confirm-parenthood")
        let online = try Self.index(journey, "confirm-parenthood-online")
        let inPerson = try Self.index(journey, "confirm-parenthood-in-person")

        #expect(journey.prerequisiteIndices[group] == [maternity])
        #expect(journey.prerequisiteIndices[online] == [maternity, birth], "the group's 'after', then the alternative's own")
        #expect(journey.prerequisiteIndices[inPerson] == [maternity])
        #expect(journey.prerequisiteIndices[try Self.index(journey, "child-name")] == [birth, group])
        #expect(journey.prerequisiteIndices[try Self.index(journey, "notify-employer")] == [])

        let groupCondition = #"relationship in ["cohabiting", "apart"]"#
        #expect(journey.conditions[group].map(\.source) == [groupCondition])
        #expect(journey.conditions[online].map(\.source) == [groupCondition, "personnummer is known and bothHaveEId"])
        #expect(journey.conditions[inPerson].map(\.source) == [groupCondition])
        #expect(journey.conditions[maternity].isEmpty)
    }

    @Test("the evaluation order puts prerequisites and alternatives before the steps that wait on them")
    func evaluationOrder() async throws {
        let journey = try Self.example()
        let order = journey.evaluationOrder
        #expect(order.sorted() == Array(journey.steps.indices), "every step exactly once")
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
        for index in journey.steps.indices {
            for prerequisite in journey.prerequisiteIndices[index] {
                #expect(position[prerequisite]! < position[index]!, "\(journey.steps[prerequisite].id) before \(journey.steps[index].id)")
            }
            for alternative in journey.alternativeIndices[index] {
                #expect(position[alternative]! < position[index]!, "\(journey.steps[alternative].id) before its group \(journey.steps[index].id)")
            }
        }
    }

    @Test("conditions are compiled: they evaluate over known facts")
    func conditionsEvaluate() async throws {
        let journey = try Self.example()
        let group = try #require(try Self.step(journey, "confirm-parenthood").when)
        #expect(group.evaluate(["relationship": .choice("apart")]) == .true)
        #expect(group.evaluate(["relationship": .choice("married")]) == .false)
        #expect(group.evaluate([:]) == .undecided(missing: ["relationship"]))
    }

    // MARK: The real journeys

    @Test("the real journeys load, and every service they name exists in the catalogue")
    func realJourneys() async throws {
        let library = try JourneyLibrary.load(
            journeysDirectory: ValidatorFixtures.journeysDirectory, adaptersDirectory: ValidatorFixtures.adaptersDirectory,
            displayRoot: ValidatorFixtures.packageRoot)
        #expect(library.diagnostics.isEmpty, "\n\(ValidatorFixtures.rendered(library.diagnostics).joined(separator: "\n"))")
        #expect(library.journeys.map(\.id) == ["becoming-a-parent", "new-in-sweden", "starting-a-business", "to-and-from-sweden"])
        for journey in library.journeys {
            #expect(library.sources[journey.id] != nil)
            #expect(!journey.steps.isEmpty)
            for step in journey.steps {
                guard let service = step.service else { continue }
                #expect(library.catalog.service(service) != nil, "\(journey.id): \(step.id) names unknown service \(service)")
            }
            for fact in journey.facts {
                for service in fact.from {
                    #expect(library.catalog.service(service)?.kind == .lookup, "\(journey.id): \(fact.id) is fetched from \(service), not a lookup")
                }
            }
            for index in journey.steps.indices where journey.steps[index].isGroup {
                #expect(journey.alternativeIndices[index].count >= 2)
            }
        }
    }

    @Test("a journey loaded without a catalogue skips the service checks")
    func withoutCatalog() async throws {
        let text = try String(contentsOf: ValidatorFixtures.invalidJourneysDirectory.appendingPathComponent("unknown-service.yaml"), encoding: .utf8)
        let result = JourneyLoader.load(text, file: "unknown-service.yaml", catalog: nil)
        #expect(result.diagnostics.isEmpty)
        #expect(result.journey?.steps.first?.service == "skatteverket.folkbokfring")
    }

    @Test("a file read from standard input is not checked against a file name")
    func noFileName() async throws {
        let text = try String(contentsOf: ValidatorFixtures.invalidJourneysDirectory.appendingPathComponent("journey-id-mismatch.yaml"), encoding: .utf8)
        let result = JourneyLoader.load(text, file: "<stdin>", catalog: nil)
        #expect(result.diagnostics.isEmpty)
        #expect(result.journey?.id == "new-in-sweden")
    }
}
