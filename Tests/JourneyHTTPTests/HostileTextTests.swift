import Foundation
import HTTPTypes
import JourneyModel
import Testing

/// Text that would act on a terminal, or fill the database, is refused at the API's edge with the documented error
/// JSON naming the field; the same rule the command line and the guide keep, since all of them go through the engine.
@Suite("API: hostile text in answers and agency events")
struct HostileTextTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    static let hostile = "\u{1B}[2J\u{1B}[31mRED\u{1B}]0;pwned\u{07} x\r\nfake: line"

    @Test("a name with ESC, BEL, CR/LF or NUL is refused with 422 naming answers.fullName, and nothing is stored",
        arguments: [hostile, "Test\u{0}Testsson", "Test\u{9B}2J"])
    func controlCharactersInAnswers(name: String) async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let reply = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": ["fullName": name, "citizenship": "DE"]])
            #expect(reply.status == .unprocessableContent)
            #expect(reply.errorCode == "invalidValue")
            #expect(reply.errorField == "answers.fullName")
            #expect((reply.error["message"] as? String)?.contains("control character") == true)
            #expect(!reply.text.contains("pwned"))
            let after = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(!after.text.contains("RED"))
        }
    }

    @Test("a 65 KB name is refused as too long, naming the field")
    func overlongName() async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            let reply = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": ["fullName": String(repeating: "A", count: 65_000)]])
            #expect(reply.status == .unprocessableContent)
            #expect(reply.errorField == "answers.fullName")
            #expect((reply.error["message"] as? String)?.contains("longer than 500 characters") == true)
        }
    }

    @Test("-1 employees is refused with the fact's range; a JSON number is checked the same way", arguments: ["-1", "1,5"])
    func employeesOutOfRange(value: String) async throws {
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(journey: "starting-a-business", client: client)
            for answer in [value as Any, Double(value.replacingOccurrences(of: ",", with: ".")) as Any] {
                let reply = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                    json: ["answers": ["employees": answer]])
                #expect(reply.status == .unprocessableContent)
                #expect(reply.errorField == "answers.employees")
            }
        }
    }

    @Test("an agency event whose message or case reference has control characters is refused naming the field")
    func controlCharactersInAgencyEvents() async throws {
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": EnrollmentTests.newcomerAnswers])
            for (field, value) in [("message", Self.hostile), ("caseReference", "MIG\u{1B}[2J")] {
                let reply = try await client.send(.post, "/v1/agency-events", token: agency,
                    json: AgencyEventTests.event("mig-\(field)", person: citizen.person.rawValue, type: "received", extra: [field: value]))
                #expect(reply.status == .unprocessableContent || reply.status == .badRequest)
                #expect(reply.errorField == field)
                #expect(!reply.text.contains("pwned"))
            }
            let unchanged = try await client.send(.get, "/v1/enrollments/\(citizen.enrollment)", token: citizen.token)
            #expect(unchanged.steps["residence-permit"] == "available")
        }
    }
}
