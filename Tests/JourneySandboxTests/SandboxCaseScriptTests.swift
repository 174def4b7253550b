import Foundation
import JourneyAdapters
import JourneySandbox
import JourneyModel
import Testing

@Suite("Sandbox case scripts")
struct SandboxCaseScriptTests {
    /// Opens a case and returns its id.
    static func open(_ sandbox: SandboxHarness, _ agency: String, _ service: String, _ fields: [String: Any]) async throws -> String {
        let answer = try await sandbox.apply(agency, service, key: UUID().uuidString, fields: fields)
        #expect(answer.status == 201)
        return try #require(answer.json["caseId"] as? String)
    }

    @Test func aResidencePermitNeedsAPassportCopyThenIsGranted() async throws {
        try await SandboxHarness.with { sandbox in
            let caseId = try await Self.open(sandbox, "migrationsverket", "residence-permit", SandboxHarness.permit)
            let first = try await sandbox.caseStatus("migrationsverket", caseId)
            #expect(first.status == 200)
            #expect(first.json["caseId"] as? String == caseId)
            #expect(first.json["status"] as? String == "needsAction")
            #expect((first.json["message"] as? String)?.contains("pass") == true)
            let second = try await sandbox.caseStatus("migrationsverket", caseId)
            #expect(second.json["status"] as? String == "decided")
            #expect(second.json["decision"] as? String == "approved")
            #expect(((second.json["fields"] as? [String: Any])?["permit"] as? [String: Any])?["granted"] as? Bool == true)
        }
    }

    @Test func mostApplicationsAreApprovedAtTheFirstStatusRequestAndStayDecided() async throws {
        try await SandboxHarness.with { sandbox in
            let caseId = try await Self.open(sandbox, "kommun", "school-place", SandboxHarness.schoolPlace)
            for _ in 0..<3 {
                let answer = try await sandbox.caseStatus("kommun", caseId)
                #expect(answer.json["status"] as? String == "decided")
                #expect(answer.json["decision"] as? String == "approved")
            }
        }
    }

    @Test func registeringALimitedCompanyYieldsItsOrganisationsnummer() async throws {
        try await SandboxHarness.with { sandbox in
            let caseId = try await Self.open(sandbox, "bolagsverket", "register-limited-company",
                ["personnummer": SandboxSeed.registeredPerson, "name": "Tolvans Tryckeri AB"])
            let decided = try await sandbox.caseStatus("bolagsverket", caseId)
            #expect(decided.json["decision"] as? String == "approved")
            let number = try #require((decided.json["fields"] as? [String: Any])?["organisationsnummer"] as? String)
            #expect(number == OfficialTestNumbers.organisationsnummerBolagsverket)
            #expect((try? Organisationsnummer(parsing: number)) != nil)
        }
    }

    @Test(arguments: [
        ("Tolvans Tryckeri AB", "aktiebolag", "approved"),
        ("testbolaget  ab", "aktiebolag", "rejected"),
        ("Exempelbolaget i Exempelstad AB", "enskildFirma", "rejected"),
        ("Tolvans Tryckeri", "aktiebolag", "rejected"),
        ("Tolvans Tryckeri", "enskildFirma", "approved"),
    ])
    func theNameCheckRejectsTakenNamesAndLimitedCompaniesWithoutAB(name: String, form: String, decision: String) async throws {
        try await SandboxHarness.with { sandbox in
            let caseId = try await Self.open(sandbox, "bolagsverket", "name-check", ["name": name, "businessForm": form])
            let decided = try await sandbox.caseStatus("bolagsverket", caseId)
            #expect(decided.json["status"] as? String == "decided")
            #expect(decided.json["decision"] as? String == decision)
            #expect(decided.json["message"] is String)
            #expect(!(decided.text.contains(name)))
        }
    }

    @Test func aFieldContainingTheRejectionMarkerIsRejected() async throws {
        try await SandboxHarness.with { sandbox in
            let caseId = try await Self.open(sandbox, "kommun", "sfi", ["name": "Tolvan Tolvansson", "address": "Avslagsgatan 1"])
            let decided = try await sandbox.caseStatus("kommun", caseId)
            #expect(decided.json["decision"] as? String == "rejected")
        }
    }

    @Test func thePersonNoRegisterKnowsIsRejectedByServicesThatSendAPersonnummer() async throws {
        try await SandboxHarness.with { sandbox in
            let caseId = try await Self.open(sandbox, "skatteverket", "f-skatt", ["personnummer": SandboxSeed.unknownPerson, "estimatedProfit": 250_000])
            let decided = try await sandbox.caseStatus("skatteverket", caseId)
            #expect(decided.json["decision"] as? String == "rejected")
            #expect(!decided.text.contains(SandboxSeed.unknownPerson))
        }
    }

    @Test func aCaseIsOnlyFoundAtTheAgencyThatHoldsIt() async throws {
        try await SandboxHarness.with { sandbox in
            let caseId = try await Self.open(sandbox, "skatteverket", "f-skatt", ["personnummer": SandboxSeed.registeredPerson, "estimatedProfit": 250_000])
            let elsewhere = try await sandbox.caseStatus("kommun", caseId)
            #expect(elsewhere.refusal == "404 unknown-case")
            let unknown = try await sandbox.caseStatus("skatteverket", "SKV-1999-000001")
            #expect(unknown.refusal == "404 unknown-case")
        }
    }

    @Test func theCaseListShowsProgressButNoPersonalData() async throws {
        try await SandboxHarness.with { sandbox in
            let key = UUID().uuidString
            _ = try await sandbox.apply("forsakringskassan", "insurance-registration", key: key,
                fields: ["personnummer": SandboxSeed.registeredPerson, "name": "Tolvan Tolvansson", "address": "Testgatan 1"])
            let listed = try await sandbox.send("GET", "_sandbox/cases")
            #expect(listed.status == 200)
            let cases = try #require(listed.json["cases"] as? [[String: Any]])
            #expect(cases.count == 1)
            #expect(cases.first?["idempotencyKey"] as? String == key)
            #expect(cases.first?["service"] as? String == "insurance-registration")
            #expect(cases.first?["status"] as? String == "received")
            #expect(!listed.text.contains("Tolvan"))
            #expect(!listed.text.contains(SandboxSeed.registeredPerson))
        }
    }
}
