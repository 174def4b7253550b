import Foundation
import Logging
import Testing

@testable import JourneyHTTP
@testable import JourneyModel

@Suite("Hand-written JSON: the same bytes as JSONEncoder, timestamps as ISO8601DateFormatter, log lines as JSON")
struct JSONOutputTests {
    @Test("timestamps match ISO8601DateFormatter to the second, over leap days, year ends and random moments")
    func timestampsMatchTheFormatter() async {
        let formatter = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        let edges: [TimeInterval] = [0, -1, -86_400, 951_782_400, 951_868_799.999, 4_107_542_400, 1_767_225_599.5, 1_767_225_600, 3_146_641_456.9999995, 1_767_225_599.9999999, 253_402_300_799]
        let random = (0..<20_000).map { _ in TimeInterval.random(in: 0..<4_102_444_800, using: &generator) }
        for seconds in edges + random {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(InternetTimestamp.string(date) == formatter.string(from: date), "\(seconds)")
        }
    }

    @Test("strings are escaped as JSONEncoder escapes them: quotes, backslashes and control characters, nothing else")
    func stringsMatchTheEncoder() async throws {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let samples = ["", "plain", controls, "\"quoted\" \\ back/slash", "\u{7F}\u{2028}\u{2029}", "åäö Malmö 😀", "tab\there\nnewline\r"]
        for sample in samples {
            var output = JSONOutput()
            output.string(sample)
            #expect(String(decoding: output.bytes, as: UTF8.self) == String(decoding: try JSONBody.encoder.encode(sample), as: UTF8.self))
        }
    }

    @Test("an enrollment document is written byte for byte as JSONEncoder writes it, in every state a walk through the journey reaches")
    func enrollmentDocumentsMatchTheEncoder() async throws {
        let harness = try Harness()
        let agency = try await harness.token(.agency, agency: "migrationsverket")
        try await harness.test { client async throws in
            var compared = 0
            let citizen = try await harness.citizen(client: client)
            await compared += try Self.compareEverything(harness, citizen.person)
            _ = try await client.send(.post, "/v1/enrollments", token: citizen.token, json: ["journey": "starting-a-business"])
            await compared += try Self.compareEverything(harness, citizen.person)
            _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": EnrollmentTests.newcomerAnswers])
            await compared += try Self.compareEverything(harness, citizen.person)
            for (id, type, extra) in [("mig-1", "received", [:]), ("mig-2", "needsAction", ["message": "Skicka \"passkopia\"\nsnarast"])] {
                _ = try await client.send(.post, "/v1/agency-events", token: agency,
                    json: AgencyEventTests.event(id, person: citizen.person.rawValue, type: type, extra: extra))
                await compared += try Self.compareEverything(harness, citizen.person)
            }
            _ = try await client.send(.post, "/v1/agency-events", token: agency,
                json: AgencyEventTests.event("mig-3", person: citizen.person.rawValue, type: "decided", decision: "approved"))
            for step in ["residence-permit-card", "population-registration", "identity-visit", "receive-personnummer"] {
                harness.advance(days: 1.5)
                _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/steps/\(step)/complete", token: citizen.token, json: [String: Any]())
                await compared += try Self.compareEverything(harness, citizen.person)
            }
            #expect(compared >= 30)
        }
    }

    /// Compares every enrollment document of the person, in both languages; returns how many were compared.
    static func compareEverything(_ harness: Harness, _ person: PersonID) async throws -> Int {
        var compared = 0
        let snapshot = try await harness.engine.snapshot(of: person)
        for enrollment in snapshot.enrollments {
            for language in Language.allCases {
                let document = await EnrollmentDocument(try harness.engine.view(of: enrollment, in: snapshot), language: language, now: harness.engine.now)
                var output = JSONOutput()
                document.write(to: &output)
                let expected = String(decoding: try JSONBody.encoder.encode(document), as: UTF8.self)
                #expect(String(decoding: output.bytes, as: UTF8.self) == expected)
                let people = PersonDocument(id: person.rawValue, identityLinked: true, enrollments: [document, document])
                var both = JSONOutput()
                people.write(to: &both)
                #expect(String(decoding: both.bytes, as: UTF8.self) == String(decoding: try JSONBody.encoder.encode(people), as: UTF8.self))
                compared += 1
            }
        }
        return compared
    }

    @Test("a log line is one JSON object with sorted keys, the request id renamed, and metadata that cannot overwrite the entry's fields")
    func logLinesAreJSON() async throws {
        let lines = RecordedLogs()
        var logger = Logger(label: "lotsen") { label in JSONLogHandler(label: label) { lines.append($0) } }
        logger[metadataKey: "hb.request.id"] = "abc-123"
        logger.info("request \"quoted\"\n", metadata: [
            "status": .stringConvertible(200), "message": "forged", "nested": .dictionary(["b": "2", "a": .array(["x", "y"])]),
        ])
        let line = try #require(lines.all.first)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "request \"quoted\"\n")
        #expect(object["request.id"] as? String == "abc-123")
        #expect(object["status"] as? String == "200")
        #expect(object["label"] as? String == "lotsen")
        #expect(object["level"] as? String == "info")
        let time = try #require(object["time"] as? String)
        #expect(ISO8601DateFormatter().date(from: time) != nil)
        #expect(line.hasPrefix("{\"label\":\"lotsen\",\"level\":\"info\",\"message\":"))
        #expect(line.contains("\"nested\":{\"a\":[\"x\",\"y\"],\"b\":\"2\"},\"request.id\":\"abc-123\",\"status\":\"200\",\"time\":"))
    }

    @Test("durations are logged with two decimals, and token hashes are SHA-256 in lowercase hex")
    func durationsAndHashes() async {
        #expect(RequestLogMiddleware.milliseconds(hundredths: 0) == "0.00")
        #expect(RequestLogMiddleware.milliseconds(hundredths: 7) == "0.07")
        #expect(RequestLogMiddleware.milliseconds(hundredths: 1234) == "12.34")
        #expect(RequestLogMiddleware.milliseconds(hundredths: 100_050) == "1000.50")
        #expect(TokenSecret.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
