import Foundation
import JourneyModel
import JourneyStore
import Testing

@testable import JourneyEngine

/// Drives the shipped journeys to completion through the engine, as a person would: answer what is asked,
/// do what is available, report what a step gives.
@Suite("The shipped journeys can be completed end to end")
struct RealJourneyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let database = TemporaryDatabase()
    let engine: JourneyEngine

    init() throws {
        let library = try JourneyLibrary.load(journeysDirectory: Self.root.appendingPathComponent("journeys"),
            adaptersDirectory: Self.root.appendingPathComponent("adapters"))
        #expect(!library.diagnostics.hasErrors)
        engine = JourneyEngine(library: library, store: try database.store())
    }

    struct Outcome {
        var done: Set<StepID> = []
        var notApplicable: Set<StepID> = []
        /// Optional steps still open when the journey completed.
        var available: Set<StepID> = []
        var asked: [FactID] = []
    }

    /// Answers from `profile` whatever the plan asks, otherwise completes the first available step (reporting what it
    /// produces), skipping optional steps listed in `skip`; fails if asked something the profile does not answer.
    func drive(_ journey: JourneyID, profile: [FactID: String], skip: Set<StepID> = [], person: PersonReference = .new) async throws -> Outcome {
        var view = try await engine.enroll(person, in: journey)
        let id = view.enrollment.person
        var outcome = Outcome()
        for _ in 0..<100 where !view.plan.isComplete {
            guard let action = view.plan.nextActions.first else {
                Issue.record("stuck with nothing to do: \(view.plan.steps.map { "\($0.step)=\($0.state)" })")
                break
            }
            switch action {
            case .answer(let fact):
                let answer = try #require(profile[fact], "asked for \(fact), which the profile does not answer")
                outcome.asked.append(fact)
                _ = try await engine.answer(person: id, journey: journey, answers: [(fact, answer)])
                view = try await engine.overview(.id(id)).enrollments.first { $0.journey.id == journey }!
            case .start(let step), .finish(let step):
                let definition = try #require(view.journey.step(step))
                if skip.contains(step) {
                    view = try await engine.apply(.skip, step: step, person: id, journey: journey)
                    continue
                }
                let produced = definition.produces.compactMap { fact in profile[fact].map { (fact: fact, text: $0) } }
                view = try await engine.apply(.complete, step: step, person: id, journey: journey, produced: produced)
            case .respond, .wait:
                Issue.record("no agency in these tests")
                return outcome
            }
        }
        #expect(view.plan.isComplete, "journey \(journey) did not complete")
        #expect(view.enrollment.status == .complete)
        #expect(view.enrollment.completedAt != nil)
        for status in view.plan.steps {
            if status.state == .done { outcome.done.insert(status.step) }
            if status.state == .notApplicable { outcome.notApplicable.insert(status.step) }
            if status.state == .available { outcome.available.insert(status.step) }
        }
        return outcome
    }

    @Test("an EU citizen with children who looks for work: no permit, child allowance and school, Arbetsförmedlingen")
    func euFamilyLookingForWork() async throws {
        let outcome = try await drive("new-in-sweden", profile: [
            "citizenship": "Germany", "stayAtLeastOneYear": "yes", "movingWithPartner": "no", "hasChildren": "yes", "childrenMoving": "1",
            "lookingForWork": "yes", "hasForeignDrivingLicence": "no", "fullName": "Test Testsson", "address": "Testgatan 1, 111 11 Stockholm",
            "personnummer": OfficialTestNumbers.personnummer, "alreadyRegistered": "no", "citizenship.child-1": "Germany",
            "fullName.child-1": "Test Testsson", "alreadyRegistered.child-1": "no", "childDateOfBirth.child-1": "2019-01-01",
            "personnummer.child-1": OfficialTestNumbers.childPersonnummer,
        ])
        #expect(outcome.notApplicable.isSuperset(of: ["residence-permit", "residence-permit-card", "introduction-programme", "residence-permit.child-1"]))
        #expect(outcome.done.isSuperset(of: ["population-registration", "receive-personnummer", "id-card", "child-allowance", "school-place.child-1",
            "employment-service", "population-registration.child-1", "receive-personnummer.child-1", "id-card.child-1"]))
        // The second child's copies are for no one.
        #expect(outcome.notApplicable.isSuperset(of: ["school-place.child-2", "id-card.child-2", "id-card.partner"]))
        #expect(outcome.notApplicable.contains("coordination-number"))
        // Nothing is ever asked twice.
        #expect(Set(outcome.asked).count == outcome.asked.count)
    }

    @Test("a citizen from outside the EU starts with a residence permit")
    func nonEUStartsWithPermit() async throws {
        let outcome = try await drive("new-in-sweden", profile: [
            "citizenship": "India", "stayAtLeastOneYear": "ja", "movingWithPartner": "nej", "hasChildren": "nej", "lookingForWork": "nej",
            "hasForeignDrivingLicence": "ja", "drivingLicenceCountry": "Japan", "fullName": "Test Testsson", "address": "Testgatan 1",
            "personnummer": OfficialTestNumbers.personnummer, "alreadyRegistered": "nej", "passportNumber": "X1234567", "permitGround": "work",
        ])
        #expect(outcome.done.isSuperset(of: ["residence-permit", "residence-permit-card"]))
        // The introduction programme is for protection and the relatives of those who have it, not for work permits.
        #expect(outcome.notApplicable.contains("introduction-programme"))
        // The licence exchange is optional: open, but the journey is complete without it.
        #expect(outcome.available.contains("exchange-driving-licence"))
        #expect(outcome.notApplicable.isSuperset(of: ["child-allowance", "employment-service", "swedish-driving-licence"]))
    }

    @Test("a family of four from outside the EU: each member's permit, card, registration, identity number and ID card, each child's school")
    func nonEUFamilyOfFour() async throws {
        var profile: [FactID: String] = [
            "citizenship": "India", "stayAtLeastOneYear": "yes", "movingWithPartner": "yes", "hasChildren": "yes", "childrenMoving": "2",
            "lookingForWork": "yes", "hasForeignDrivingLicence": "no", "address": "Testgatan 1, 111 11 Stockholm",
            "childDateOfBirth.child-1": "2019-01-01", "childDateOfBirth.child-2": "2023-01-01",
        ]
        let numbers = ["": OfficialTestNumbers.personnummer, ".partner": OfficialTestNumbers.leapDayPersonnummer,
            ".child-1": OfficialTestNumbers.childPersonnummer, ".child-2": OfficialTestNumbers.samordningsnummer]
        for (suffix, number) in numbers {
            profile[FactID("citizenship\(suffix)")] = "India"
            profile[FactID("fullName\(suffix)")] = "Test Testsson"
            profile[FactID("passportNumber\(suffix)")] = "X1234567"
            profile[FactID("permitGround\(suffix)")] = suffix.isEmpty ? "work" : "family"
            profile[FactID("alreadyRegistered\(suffix)")] = "no"
            profile[FactID("personnummer\(suffix)")] = number
        }
        let outcome = try await drive("new-in-sweden", profile: profile, skip: ["family-documents", "unemployment-fund"])
        for member in ["", ".partner", ".child-1", ".child-2"] {
            for step in ["residence-permit", "residence-permit-card", "population-registration", "identity-visit", "receive-personnummer", "id-card"] {
                #expect(outcome.done.contains(StepID("\(step)\(member)")), "\(step)\(member)")
            }
        }
        #expect(outcome.done.isSuperset(of: ["school-place.child-1", "school-place.child-2", "child-allowance"]))
        #expect(outcome.notApplicable.isSuperset(of: ["school-place.child-3", "residence-permit.child-3"]))
        // Who is coming is asked before anything about them, and each member's facts once.
        #expect(outcome.asked.firstIndex(of: "movingWithPartner")! < outcome.asked.firstIndex(of: "citizenship.partner")!)
        #expect(outcome.asked.firstIndex(of: "childrenMoving")! < outcome.asked.firstIndex(of: "citizenship.child-1")!)
        #expect(Set(outcome.asked).count == outcome.asked.count)
    }

    @Test("a child no longer coming whose school place is at the municipality keeps the case open and followed, and the journey waits for it")
    func removedMemberWithOpenCaseStaysFollowed() async throws {
        let view = try await engine.enroll(.new, in: "new-in-sweden")
        let person = view.enrollment.person
        _ = try await engine.answer(person: person, answers: [("citizenship", "Germany"), ("stayAtLeastOneYear", "yes"), ("alreadyRegistered", "no"),
            ("movingWithPartner", "no"), ("hasChildren", "yes"), ("childrenMoving", "1"), ("citizenship.child-1", "Germany"), ("address", "Testgatan 1"),
            ("fullName.child-1", "Test Testsson"), ("childDateOfBirth.child-1", "2019-01-01")])
        _ = try await engine.apply(.submitted(caseReference: "KOM-2026-1"), step: "school-place.child-1", person: person)
        // The child stays behind after all.
        _ = try await engine.answer(person: person, answers: [("hasChildren", "no")])
        let plan = try await engine.overview(.id(person)).enrollments.first { $0.journey.id == "new-in-sweden" }!.plan
        let school = try #require(plan.status(of: "school-place.child-1"))
        #expect(school.state == .waitingOnAgency)
        #expect(school.reason == .notInHousehold)
        #expect(plan.shownSteps.contains { $0.step == "school-place.child-1" })
        #expect(plan.nextActions.contains(.wait("school-place.child-1")))
        // A copy with nothing at the agency simply stops applying.
        #expect(plan.status(of: "residence-permit.child-1")?.state == .notApplicable)
        // Once the municipality answers, the case is settled and the copy no longer applies.
        _ = try await engine.apply(.complete, step: "school-place.child-1", person: person)
        let after = try await engine.overview(.id(person)).enrollments.first { $0.journey.id == "new-in-sweden" }!.plan
        #expect(after.status(of: "school-place.child-1")?.state == .notApplicable)
    }

    @Test("the household's copies carry their member: titles name them, ids say whose, and each reads its own facts")
    func householdCopiesNameTheirMember() throws {
        let library = try JourneyLibrary.load(journeysDirectory: Self.root.appendingPathComponent("journeys"),
            adaptersDirectory: Self.root.appendingPathComponent("adapters"))
        let journey = try #require(library.journey("new-in-sweden"))
        let copy = try #require(journey.step("residence-permit.child-2"))
        #expect(copy.title[.en] == "Residence permit (child 2)")
        #expect(copy.title[.sv] == "Uppehållstillstånd (barn 2)")
        #expect(copy.member?.key == "child-2")
        #expect(copy.declaredID == "residence-permit")
        #expect(copy.needs == ["citizenship.child-2", "fullName.child-2", "passportNumber.child-2", "permitGround.child-2"])
        #expect(copy.when?.description == "citizenship.child-2 not in EU_EEA_CH")
        #expect(journey.step("id-card.partner")?.after == ["identity-number.partner"])
        // A step done once waits for the person's own copy, never a member's.
        #expect(journey.step("bankid")?.after == ["bank-account", "id-card"])
        #expect(journey.fact("passportNumber.partner")?.ask?[.en] == "What is the passport number of your partner?")
        // Lotsen never asks an agency about someone else on the person's login.
        #expect(journey.fact("fullName.partner")?.from == [])
        #expect(journey.fact("fullName")?.from == ["skatteverket.population-record"])
        // The design shows each repeated step once.
        #expect(journey.asDeclared.steps.filter { $0.declaredID == "residence-permit" }.count == 1)
        #expect(journey.asDeclared.step("school-place")?.forEach == ["child"])
    }

    @Test("a short stay leads to a samordningsnummer instead of folkbokföring")
    func shortStayGetsCoordinationNumber() async throws {
        let outcome = try await drive("new-in-sweden", profile: [
            "citizenship": "FR", "stayAtLeastOneYear": "no", "movingWithPartner": "no", "hasChildren": "no", "lookingForWork": "no", "hasForeignDrivingLicence": "no",
            "fullName": "Test Testsson", "address": "Testgatan 1", "personnummer": OfficialTestNumbers.samordningsnummer,
            "alreadyRegistered": "no",
        ], skip: ["unemployment-fund"])
        #expect(outcome.done.contains("coordination-number"))
        #expect(outcome.notApplicable.isSuperset(of: ["population-registration", "receive-personnummer", "id-card"]))
    }

    @Test("a restaurant run as a limited company: articles, share capital, registration, food and alcohol permits")
    func limitedCompanyRestaurant() async throws {
        let outcome = try await drive("starting-a-business", profile: [
            "businessForm": "aktiebolag", "companyName": "Testkrogen AB", "industry": "restaurant", "handlesFood": "yes",
            "servesAlcohol": "yes", "expectedAnnualTurnover": "2 500 000", "employees": "4",
            "organisationsnummer": OfficialTestNumbers.organisationsnummerBolagsverket, "expectedProfit": "400 000", "sellsForCashOrCard": "yes",
        ], person: .identity(try Personnummer(parsing: OfficialTestNumbers.personnummer)))
        #expect(outcome.done.isSuperset(of: ["articles-of-association", "bank-certificate", "register-limited-company", "f-skatt",
            "vat-registration", "employer-registration", "food-premises-registration", "staff-register", "cash-register"]))
        #expect(outcome.notApplicable.isSuperset(of: ["sickness-insurance", "pension-savings"]))
        #expect(outcome.notApplicable.contains("register-sole-trader"))
        // The personnummer came with the person's identity: never asked.
        #expect(!outcome.asked.contains("personnummer"))
    }

    @Test("a consultant as a sole trader can skip the voluntary registration")
    func soleTraderConsultant() async throws {
        let outcome = try await drive("starting-a-business", profile: [
            "businessForm": "enskildFirma", "companyName": "Test Konsult", "industry": "consulting", "handlesFood": "no",
            "expectedAnnualTurnover": "90000", "employees": "0", "expectedProfit": "250000", "sellsForCashOrCard": "no",
        ], skip: ["register-sole-trader", "business-account", "unemployment-fund", "business-insurance", "sickness-insurance", "pension-savings"],
            person: .identity(try Personnummer(parsing: OfficialTestNumbers.personnummer)))
        #expect(outcome.done.isSuperset(of: ["name-check", "f-skatt", "bookkeeping"]))
        #expect(outcome.notApplicable.isSuperset(of: ["articles-of-association", "vat-registration", "employer-registration", "register-limited-company",
            "cash-register"]))
    }

    /// The plan of a new enrollment after `answers`: what applies, what waits on what.
    func plan(_ journey: JourneyID, _ answers: [(fact: FactID, text: String)], person: PersonReference = .new) async throws -> JourneyPlan {
        let view = try await engine.enroll(person, in: journey)
        _ = try await engine.answer(person: view.enrollment.person, journey: journey, answers: answers)
        return try await engine.overview(.id(view.enrollment.person)).enrollments.first { $0.journey.id == journey }!.plan
    }

    @Test("school and the bank account are open from arrival: school waits on no child allowance, the account on no ID card")
    func schoolAndBankOpenAtOnce() async throws {
        let plan = try await plan("new-in-sweden", [("citizenship", "Germany"), ("stayAtLeastOneYear", "yes"), ("hasChildren", "yes"),
            ("childrenMoving", "1"), ("alreadyRegistered", "no"), ("citizenship.child-1", "Germany")])
        #expect(plan.status(of: "school-place.child-1")?.state == .available)
        #expect(plan.status(of: "bank-account")?.state == .available)
        #expect(plan.status(of: "id-card")?.state == .locked)
    }

    @Test("someone already registered is not told to notify the move or to get a personnummer")
    func alreadyRegisteredSkipsRegistration() async throws {
        let plan = try await plan("new-in-sweden", [("citizenship", "Germany"), ("stayAtLeastOneYear", "yes"), ("alreadyRegistered", "yes")])
        for step: StepID in ["population-registration", "identity-visit", "identity-number", "family-documents"] {
            #expect(plan.status(of: step)?.state == .notApplicable, "\(step)")
        }
    }

    @Test("the introduction programme is offered for protection and its relatives only", arguments: [
        ("protection", StepState.locked), ("protectionFamily", .locked), ("work", .notApplicable), ("family", .notApplicable), ("study", .notApplicable),
    ])
    func introductionProgrammeForProtectionOnly(ground: String, expected: StepState) async throws {
        let plan = try await plan("new-in-sweden", [("citizenship", "Syria"), ("stayAtLeastOneYear", "yes"), ("permitGround", ground)])
        #expect(plan.status(of: "introduction-programme")?.state == expected)
    }

    @Test("SFI is not offered to someone from outside the EU/EEA staying under a year, and is to an EU citizen before registration")
    func sfiForResidentsAndEUCitizens() async throws {
        let shortNonEU = try await plan("new-in-sweden", [("citizenship", "India"), ("stayAtLeastOneYear", "no")])
        #expect(shortNonEU.status(of: "sfi")?.state == .notApplicable)
        let shortEU = try await plan("new-in-sweden", [("citizenship", "France"), ("stayAtLeastOneYear", "no")])
        #expect(shortEU.status(of: "sfi")?.state == .available)
    }

    @Test("a sole trader's F-tax does not wait on the voluntary registration with Bolagsverket")
    func fTaxDoesNotWaitOnVoluntaryRegistration() async throws {
        let view = try await engine.enroll(.identity(try Personnummer(parsing: OfficialTestNumbers.personnummer)), in: "starting-a-business")
        let person = view.enrollment.person
        _ = try await engine.answer(person: person, journey: "starting-a-business", answers: [("businessForm", "enskildFirma"), ("companyName", "Test Konsult")])
        _ = try await engine.apply(.complete, step: "name-check", person: person, journey: "starting-a-business")
        let plan = try await engine.overview(.id(person)).enrollments.first { $0.journey.id == "starting-a-business" }!.plan
        #expect(plan.status(of: "register-sole-trader")?.state == .available)
        #expect(plan.status(of: "f-skatt")?.state == .available)
    }
}
