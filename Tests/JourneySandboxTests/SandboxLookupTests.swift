import Foundation
import JourneyAdapters
import JourneySandbox
import JourneyModel
import Testing

@Suite("Sandbox lookups")
struct SandboxLookupTests {
    @Test func populationRecordOfASeededPersonHasTheFieldsSkatteverketsAdapterReads() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.lookup("skatteverket", "population-record", personnummer: SandboxSeed.registeredPerson)
            #expect(answer.status == 200)
            let matches = try #require(answer.json["matches"] as? [[String: Any]])
            #expect(matches.count == 1)
            let record = try #require(matches.first)
            #expect(record["personnummer"] as? String == SandboxSeed.registeredPerson)
            #expect((record["name"] as? [String: Any])?["full"] as? String == "Tolvan Tolvansson")
            #expect((record["address"] as? [String: Any])?["formatted"] as? String == "Testgatan 1, 123 45 Exempelstad")
            #expect(record["civilStatus"] as? String == "gift")
        }
    }

    @Test("the custody record lists both guardians' children, and a custody ended in the sandbox is no longer listed")
    func custodyRecordListsChildrenUntilCustodyEnds() async throws {
        try await SandboxHarness.with { sandbox in
            func children(of guardian: String) async throws -> [String] {
                let answer = try await sandbox.lookup("skatteverket", "custody-record", personnummer: guardian, fields: ["children"])
                #expect(answer.status == 200)
                let record = (answer.json["matches"] as? [[String: Any]])?.first
                return (record?["children"] as? [[String: Any]] ?? []).compactMap { $0["personnummer"] as? String }
            }
            #expect(try await children(of: SandboxSeed.registeredPerson) == [SandboxSeed.child])
            #expect(try await children(of: SandboxSeed.secondGuardian) == [SandboxSeed.child, SandboxSeed.coordinationNumberPerson])
            #expect(try await children(of: SandboxSeed.child).isEmpty)
            sandbox.sandbox.setCustody(false, guardian: try Personnummer(parsing: SandboxSeed.secondGuardian),
                child: try Personnummer(parsing: SandboxSeed.child))
            #expect(try await children(of: SandboxSeed.secondGuardian) == [SandboxSeed.coordinationNumberPerson])
            #expect(try await children(of: SandboxSeed.registeredPerson) == [SandboxSeed.child], "the other guardian keeps custody")
            // The same through the test control a running `lotsen sandbox` offers.
            let ended = try await sandbox.send("PUT", "_sandbox/custody",
                json: ["guardian": SandboxSeed.registeredPerson, "child": SandboxSeed.child, "custody": false])
            #expect(ended.status == 204)
            #expect(try await children(of: SandboxSeed.registeredPerson).isEmpty)
            #expect(try await sandbox.send("PUT", "_sandbox/custody", json: ["guardian": SandboxSeed.registeredPerson, "custody": true]).status == 400)
            let restored = try await sandbox.send("PUT", "_sandbox/custody",
                json: ["guardian": SandboxSeed.registeredPerson, "child": SandboxSeed.child, "custody": true])
            #expect(restored.status == 204)
            #expect(try await children(of: SandboxSeed.registeredPerson) == [SandboxSeed.child])
        }
    }

    @Test func aLookupSendsOnlyTheRequestedFields() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.lookup(
                "skatteverket", "population-record", personnummer: SandboxSeed.registeredPerson, fields: ["name.full"])
            let record = try #require((answer.json["matches"] as? [[String: Any]])?.first)
            #expect(Set(record.keys) == ["name"])
            #expect(Set((record["name"] as? [String: Any] ?? [:]).keys) == ["full"])
        }
    }

    @Test func aNumberNoRegisterKnowsHasNoMatch() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.lookup("skatteverket", "population-record", personnummer: SandboxSeed.unknownPerson)
            #expect(answer.status == 200)
            #expect((answer.json["matches"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func theAmbiguousNumberHasTwoDifferentMatches() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.lookup("skatteverket", "population-record", personnummer: SandboxSeed.ambiguousPerson)
            let matches = try #require(answer.json["matches"] as? [[String: Any]])
            #expect(matches.count == 2)
            let addresses = Set(matches.compactMap { ($0["address"] as? [String: Any])?["formatted"] as? String })
            #expect(addresses.count == 2)
        }
    }

    @Test func aHyphenatedNumberFindsTheSameRecord() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.lookup("skatteverket", "population-record", personnummer: "19900101-2385")
            #expect((answer.json["matches"] as? [Any])?.count == 1)
        }
    }

    @Test func migrationsverketTellsWhetherAPermitIsValid() async throws {
        try await SandboxHarness.with { sandbox in
            let valid = try await sandbox.lookup("migrationsverket", "permit-record", personnummer: SandboxSeed.registeredPerson)
            let expired = try await sandbox.lookup("migrationsverket", "permit-record", personnummer: SandboxSeed.coordinationNumberPerson)
            let none = try await sandbox.lookup("migrationsverket", "permit-record", personnummer: SandboxSeed.child)
            func permitValid(_ answer: SandboxHarness.Answer) -> Bool? {
                ((answer.json["matches"] as? [[String: Any]])?.first?["permit"] as? [String: Any])?["valid"] as? Bool
            }
            #expect(permitValid(valid) == true)
            #expect(permitValid(expired) == false)
            #expect((none.json["matches"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func bolagsverketGivesACompanyOwnersOrganisationsnummer() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.lookup("bolagsverket", "company-record", personnummer: SandboxSeed.registeredPerson)
            let record = try #require((answer.json["matches"] as? [[String: Any]])?.first)
            #expect(record["organisationsnummer"] as? String == OfficialTestNumbers.organisationsnummerBolagsverket)
        }
    }

    @Test func anUnknownAgencyOrServiceIsA404WithAJSONError() async throws {
        try await SandboxHarness.with { sandbox in
            let agency = try await sandbox.lookup("polisen", "population-record", personnummer: SandboxSeed.registeredPerson)
            #expect(agency.refusal == "404 unknown-agency")
            let service = try await sandbox.lookup("skatteverket", "horoscope", personnummer: SandboxSeed.registeredPerson)
            #expect(service.refusal == "404 unknown-service")
            let route = try await sandbox.send("GET", "skatteverket/nowhere")
            #expect(route.refusal == "404 not-found")
        }
    }

    @Test func aRequestWithoutAPurposeIsRefused() async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.send(
                "POST", "skatteverket/lookups/population-record",
                json: ["subject": ["personnummer": SandboxSeed.registeredPerson]], purpose: nil)
            #expect(answer.refusal == "400 missing-purpose")
        }
    }

    @Test func anyOrNoCredentialsAreAccepted() async throws {
        try await SandboxHarness.with { sandbox in
            for headers in [["Authorization": "Bearer anything"], ["X-Api-Key": "anything"], [:]] {
                let answer = try await sandbox.send(
                    "POST", "skatteverket/lookups/population-record",
                    json: ["subject": ["personnummer": SandboxSeed.registeredPerson]], headers: headers)
                #expect(answer.status == 200)
            }
        }
    }

    @Test func malformedBodiesAreRefusedWith400() async throws {
        try await SandboxHarness.with { sandbox in
            let notJSON = try await sandbox.send("POST", "skatteverket/lookups/population-record", rawBody: Data("{\"subject\":".utf8))
            #expect(notJSON.refusal == "400 bad-request")
            let noSubject = try await sandbox.send("POST", "skatteverket/lookups/population-record", json: ["fields": ["name.full"]])
            #expect(noSubject.status == 400)
            let badFields = try await sandbox.send(
                "POST", "skatteverket/lookups/population-record",
                json: ["subject": ["personnummer": SandboxSeed.registeredPerson], "fields": "name.full"])
            #expect(badFields.status == 400)
        }
    }

    @Test func anInvalidPersonnummerIsA422ThatDoesNotRepeatTheNumber() async throws {
        try await SandboxHarness.with { sandbox in
            // The official number with its check digit changed: invalid, and never echoed back.
            let invalid = "199001012386"
            let answer = try await sandbox.lookup("skatteverket", "population-record", personnummer: invalid)
            #expect(answer.refusal == "422 invalid-personnummer")
            #expect(!answer.text.contains(invalid))
            #expect(!answer.text.contains("0101"))
        }
    }
}
