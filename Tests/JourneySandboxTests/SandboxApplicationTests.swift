import Foundation
import JourneyAdapters
import JourneySandbox
import JourneyModel
import Testing

@Suite("Sandbox applications")
struct SandboxApplicationTests {
    /// F-tax: the applicant and the estimated profit of the preliminary income tax return.
    static var fSkatt: [String: Any] { ["personnummer": SandboxSeed.registeredPerson, "estimatedProfit": 250_000] }
    /// A form that asks only for the applicant's number (child allowance, VAT registration).
    static var byNumber: [String: Any] { ["personnummer": SandboxSeed.registeredPerson] }

    @Test func anApplicationOpensAReceivedCaseWithTheAgencysPrefix() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.apply("skatteverket", "f-skatt", key: UUID().uuidString, fields: Self.fSkatt)
            #expect(answer.status == 201)
            let caseId = try #require(answer.json["caseId"] as? String)
            #expect(caseId.hasPrefix("SKV-"))
            #expect(caseId.wholeMatch(of: /SKV-\d{4}-\d{6}/) != nil)
            #expect(answer.json["status"] as? String == "received")
        }
    }

    @Test func theSameKeyTwiceOpensOneCaseAndAnswers200TheSecondTime() async throws {
        try await SandboxHarness.with { sandbox in
            let key = UUID().uuidString
            let first = try await sandbox.apply("forsakringskassan", "child-allowance", key: key, fields: Self.byNumber)
            let second = try await sandbox.apply("forsakringskassan", "child-allowance", key: key, fields: Self.byNumber)
            #expect(first.status == 201)
            #expect(second.status == 200)
            #expect(first.json["caseId"] as? String == second.json["caseId"] as? String)
            #expect(try await sandbox.sandbox.cases().count == 1)
        }
    }

    @Test func aRepeatedKeyAnswersTheCasesCurrentStatus() async throws {
        try await SandboxHarness.with { sandbox in
            let key = UUID().uuidString
            let first = try await sandbox.apply("skatteverket", "vat-registration", key: key, fields: Self.byNumber)
            let caseId = try #require(first.json["caseId"] as? String)
            _ = try await sandbox.caseStatus("skatteverket", caseId)
            let again = try await sandbox.apply("skatteverket", "vat-registration", key: key, fields: Self.byNumber)
            #expect(again.status == 200)
            #expect(again.json["status"] as? String == "decided")
        }
    }

    @Test func theSubjectWrittenAnotherWayIsTheSameApplication() async throws {
        try await SandboxHarness.with { sandbox in
            let key = UUID().uuidString
            let fields = SandboxHarness.permit
            let first = try await sandbox.apply("migrationsverket", "residence-permit", key: key, fields: fields,
                personnummer: SandboxSeed.registeredPerson)
            let second = try await sandbox.apply("migrationsverket", "residence-permit", key: key, fields: fields,
                personnummer: "19900101-2385")
            #expect(second.status == 200)
            #expect(second.json["caseId"] as? String == first.json["caseId"] as? String)
            let invalid = try await sandbox.apply("migrationsverket", "residence-permit", key: UUID().uuidString, fields: fields,
                personnummer: "199001012386")
            #expect(invalid.refusal == "422 invalid-personnummer")
        }
    }

    @Test func differentApplicationsGetDifferentCases() async throws {
        try await SandboxHarness.with { sandbox in
            let one = try await sandbox.apply("skatteverket", "f-skatt", key: UUID().uuidString, fields: Self.fSkatt)
            let two = try await sandbox.apply("skatteverket", "f-skatt", key: UUID().uuidString, fields: Self.fSkatt)
            #expect(one.json["caseId"] as? String != two.json["caseId"] as? String)
        }
    }

    @Test func aDifferentBodyUnderAUsedKeyIsA422() async throws {
        try await SandboxHarness.with { sandbox in
            let key = UUID().uuidString
            _ = try await sandbox.apply("skatteverket", "f-skatt", key: key, fields: Self.fSkatt)
            let otherPerson = try await sandbox.apply("skatteverket", "f-skatt", key: key, fields: ["personnummer": SandboxSeed.child, "estimatedProfit": 250_000])
            #expect(otherPerson.refusal == "422 idempotency-key-reused")
            let otherService = try await sandbox.apply("skatteverket", "vat-registration", key: key, fields: Self.byNumber)
            #expect(otherService.status == 422)
            #expect(try await sandbox.sandbox.cases().count == 1)
        }
    }

    @Test func anApplicationWithoutAnIdempotencyKeyIsRefused() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.apply("skatteverket", "f-skatt", key: nil, fields: Self.fSkatt)
            #expect(answer.refusal == "400 missing-idempotency-key")
            #expect(try await sandbox.sandbox.cases().isEmpty)
        }
    }

    @Test func unknownAndMissingFieldsAreNamedInA422() async throws {
        try await SandboxHarness.with { sandbox in
            let unknown = try await sandbox.apply(
                "kommun", "sfi", key: UUID().uuidString,
                fields: ["name": "Tolvan Tolvansson", "address": "Testgatan 1", "shoeSize": "43"])
            #expect(unknown.refusal == "422 unknown-field")
            #expect(unknown.errorMessage?.contains("shoeSize") == true)
            let missing = try await sandbox.apply("kommun", "sfi", key: UUID().uuidString, fields: ["name": "Tolvan Tolvansson"])
            #expect(missing.refusal == "422 missing-field")
            #expect(missing.errorMessage?.contains("address") == true)
            #expect(try await sandbox.sandbox.cases().isEmpty)
        }
    }

    @Test("the agencies' forms ask what their own forms ask: the permit its ground and passport, F-tax a profit estimate, the school the child")
    func formsAskWhatTheAgencyAsks() async throws {
        try await SandboxHarness.with { sandbox in
            var permit = SandboxHarness.permit
            permit.removeValue(forKey: "passportNumber")
            #expect(try await sandbox.apply("migrationsverket", "residence-permit", key: UUID().uuidString, fields: permit).refusal == "422 missing-field")
            permit = SandboxHarness.permit
            permit["ground"] = "tourism"
            #expect(try await sandbox.apply("migrationsverket", "residence-permit", key: UUID().uuidString, fields: permit).refusal == "422 invalid-field")
            let guess = try await sandbox.apply("skatteverket", "f-skatt", key: UUID().uuidString,
                fields: ["personnummer": SandboxSeed.registeredPerson, "estimatedProfit": "quite a lot"])
            #expect(guess.refusal == "422 invalid-field")
            #expect(guess.errorMessage?.contains("estimatedProfit") == true)
            #expect(try await sandbox.apply("kommun", "school-place", key: UUID().uuidString, fields: ["address": "Testgatan 1"]).refusal
                == "422 missing-field")
            // The child needs no personnummer: name and date of birth are enough.
            #expect(try await sandbox.apply("kommun", "school-place", key: UUID().uuidString, fields: SandboxHarness.schoolPlace).status == 201)
        }
    }

    @Test func invalidFieldValuesAreRefusedWithoutRepeatingThem() async throws {
        try await SandboxHarness.with { sandbox in
            let number = try await sandbox.apply("arbetsformedlingen", "jobseeker-registration", key: UUID().uuidString,
                fields: ["personnummer": "199001012386"])
            #expect(number.refusal == "422 invalid-field")
            #expect(number.errorMessage?.contains("personnummer") == true)
            #expect(!number.text.contains("199001012386"))
            let form = try await sandbox.apply("bolagsverket", "name-check", key: UUID().uuidString,
                fields: ["name": "Tolvans Tryckeri AB", "businessForm": "kommanditbolag"])
            #expect(form.status == 422)
            #expect(form.errorMessage?.contains("businessForm") == true)
            let country = try await sandbox.apply("migrationsverket", "residence-permit", key: UUID().uuidString,
                fields: ["citizenship": "Narnia"])
            #expect(country.status == 422)
            #expect(!country.text.contains("Narnia"))
        }
    }

    @Test func errorAnswersNeverContainWhatWasSent() async throws {
        try await SandboxHarness.with { sandbox in
            let name = "Tolvan Tolvansson"
            let answers = [
                try await sandbox.apply("kommun", "sfi", key: UUID().uuidString, fields: ["name": name]),
                try await sandbox.apply("kommun", "sfi", key: nil, fields: ["name": name, "address": "Testgatan 1"]),
                try await sandbox.apply("forsakringskassan", "insurance-registration", key: UUID().uuidString,
                    fields: ["personnummer": SandboxSeed.registeredPerson, "name": name, "address": ""]),
                try await sandbox.send("POST", "kommun/applications/sfi", json: ["fields": ["name": name, "address": 12]],
                    headers: ["Idempotency-Key": UUID().uuidString]),
            ]
            for answer in answers {
                #expect(answer.status >= 400)
                #expect(!answer.text.contains("Tolvan"))
                #expect(!answer.text.contains("Testgatan"))
                for number in seededNumbers { #expect(!answer.text.contains(number)) }
            }
        }
    }

    @Test func anApplicationMayLeaveOutTheSubject() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.apply("migrationsverket", "residence-permit", key: UUID().uuidString, fields: SandboxHarness.permit)
            #expect(answer.status == 201)
            #expect((answer.json["caseId"] as? String)?.hasPrefix("MIG-") == true)
        }
    }
}
