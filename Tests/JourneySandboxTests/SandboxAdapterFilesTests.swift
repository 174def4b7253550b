import Foundation
import JourneyAdapters
import JourneySandbox
import Testing
import Yams

/// The sandbox must answer exactly what the adapter files promise: every application with `sends` takes those
/// fields, every `returns` path is in a lookup's record or a decided case's fields.
@Suite("Sandbox against adapters/*.yaml")
struct SandboxAdapterFilesTests {
    static let adaptersDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("adapters")

    struct Service: CustomTestStringConvertible, Sendable {
        let agency: String
        let id: String
        let kind: String
        let sends: [String]
        let returns: [String]
        var testDescription: String { "\(agency).\(id)" }
    }

    static func services() throws -> [Service] {
        let files = try FileManager.default.contentsOfDirectory(at: adaptersDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        return try files.flatMap { file -> [Service] in
            let document = try #require(try Yams.load(yaml: String(contentsOf: file, encoding: .utf8)) as? [String: Any])
            let agency = try #require(document["agency"] as? String)
            let services = try #require(document["services"] as? [String: Any])
            return services.compactMap { id, value in
                guard let service = value as? [String: Any], let kind = service["kind"] as? String else { return nil }
                let sends = (service["sends"] as? [String: Any])?.values.compactMap { $0 as? String } ?? []
                let returns = (service["returns"] as? [String: Any])?.values.compactMap { $0 as? String } ?? []
                return Service(agency: agency, id: id, kind: kind, sends: sends.sorted(), returns: returns.sorted())
            }
        }
    }

    static let submittable = (try? services().filter { $0.kind == "application" && !$0.sends.isEmpty }) ?? []
    static let lookupsWithReturns = (try? services().filter { $0.kind == "lookup" && !$0.returns.isEmpty }) ?? []
    static let notSubmittable = (try? services().filter { $0.kind == "application" && $0.sends.isEmpty }) ?? []

    /// A valid value for each field name the adapter files use.
    static func value(for field: String) -> String {
        switch field {
        case "personnummer": SandboxSeed.registeredPerson
        case "childPersonnummer": SandboxSeed.child
        case "citizenship": "IR"
        case "country": "DE"
        case "departureDate": "2027-01-15"
        case "businessForm": "aktiebolag"
        case "address": "Testgatan 1, 123 45 Exempelstad"
        case "ground": "work"
        case "childDateOfBirth": "2019-01-01"
        case "estimatedProfit": "250000"
        default: "Tolvans Tryckeri AB"
        }
    }

    @Test func theAdapterFilesWereRead() async {
        #expect(Self.submittable.count >= 10)
        #expect(Self.lookupsWithReturns.count >= 3)
    }

    @Test(arguments: submittable)
    func everySubmittableApplicationTakesItsSendsAndYieldsItsReturns(service: Service) async throws {
        try await SandboxHarness.with { sandbox in
            var fields: [String: Any] = [:]
            for field in service.sends { fields[field] = Self.value(for: field) }
            let opened = try await sandbox.apply(service.agency, service.id, key: UUID().uuidString, fields: fields)
            #expect(opened.status == 201, "\(opened.text)")
            let caseId = try #require(opened.json["caseId"] as? String)
            var status = opened.json
            for _ in 0..<5 where status["status"] as? String != "decided" {
                status = try await sandbox.caseStatus(service.agency, caseId).json
            }
            #expect(status["decision"] as? String == "approved")
            for path in service.returns {
                #expect(Self.value(at: path, in: status["fields"]) != nil, "decided case lacks \(path)")
            }
            // Leaving out a required field is refused (childPersonnummer is the one optional field: only a child's permit sends it).
            if let field = service.sends.first(where: { $0 != "childPersonnummer" }) {
                fields.removeValue(forKey: field)
                let missing = try await sandbox.apply(service.agency, service.id, key: UUID().uuidString, fields: fields)
                #expect(missing.status == 422)
            }
        }
    }

    @Test(arguments: lookupsWithReturns)
    func everyLookupRecordHasItsReturns(service: Service) async throws {
        try await SandboxHarness.with { sandbox in
            let answer = try await sandbox.lookup(service.agency, service.id, personnummer: SandboxSeed.registeredPerson)
            let record = try #require((answer.json["matches"] as? [Any])?.first)
            for path in service.returns {
                #expect(Self.value(at: path, in: record) != nil, "record lacks \(path)")
            }
        }
    }

    @Test func applicationsWithoutSendsAreNotServed() async throws {
        try await SandboxHarness.with { sandbox in
            for service in Self.notSubmittable {
                let answer = try await sandbox.apply(service.agency, service.id, key: UUID().uuidString, fields: [:])
                #expect(answer.status == 404, "\(service.agency).\(service.id)")
            }
        }
    }

    static func value(at path: String, in root: Any?) -> Any? {
        path.split(separator: ".").reduce(root) { current, key in (current as? [String: Any])?[String(key)] }
    }
}
