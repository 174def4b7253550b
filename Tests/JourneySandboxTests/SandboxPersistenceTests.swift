import Foundation
import JourneyAdapters
import JourneySandbox
import Testing

@Suite("Sandbox state file")
struct SandboxPersistenceTests {
    @Test func aCaseOpenedByOneSandboxProgressesInAnotherOnTheSameFile() async throws {
        let (directory, path) = SandboxHarness.temporaryStatePath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = UUID().uuidString
        let caseId = try await SandboxHarness.with(statePath: path) { first in
            let answer = try await first.apply("migrationsverket", "residence-permit", key: key, fields: SandboxHarness.permit)
            return try #require(answer.json["caseId"] as? String)
        }
        try await SandboxHarness.with(statePath: path) { second in
            let again = try await second.apply("migrationsverket", "residence-permit", key: key, fields: SandboxHarness.permit)
            #expect(again.status == 200)
            #expect(again.json["caseId"] as? String == caseId)
            #expect(try await second.caseStatus("migrationsverket", caseId).json["status"] as? String == "needsAction")
        }
        try await SandboxHarness.with(statePath: path) { third in
            #expect(try await third.caseStatus("migrationsverket", caseId).json["status"] as? String == "decided")
            let next = try await third.apply("migrationsverket", "residence-permit", key: UUID().uuidString, fields: SandboxHarness.permit)
            #expect(next.json["caseId"] as? String != caseId)
        }
    }

    @Test func twoSandboxesServingOneFileAtOnceOpenOneCasePerKey() async throws {
        let (directory, path) = SandboxHarness.temporaryStatePath()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await SandboxHarness.with(statePath: path) { one in
            try await SandboxHarness.with(statePath: path) { two in
                let keys = (0..<5).map { _ in UUID().uuidString }
                let caseIds = try await withThrowingTaskGroup(of: String?.self) { group in
                    for key in keys {
                        for harness in [one, two] {
                            group.addTask {
                                let answer = try await harness.apply("arbetsformedlingen", "jobseeker-registration", key: key,
                                    fields: ["personnummer": SandboxSeed.registeredPerson])
                                #expect([200, 201].contains(answer.status))
                                return answer.json["caseId"] as? String
                            }
                        }
                    }
                    return try await group.reduce(into: [String?]()) { $0.append($1) }
                }
                #expect(Set(caseIds.compactMap { $0 }).count == keys.count)
                #expect(try await one.sandbox.cases().count == keys.count)
                #expect(try await two.sandbox.cases().map(\.caseId).sorted() == one.sandbox.cases().map(\.caseId).sorted())
            }
        }
    }

    @Test func aStateFileInAMissingDirectoryIsCreated() async throws {
        let (directory, _) = SandboxHarness.temporaryStatePath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nested/deeper/sandbox.sqlite").path
        _ = try SandboxAgencies(statePath: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func anUnopenableStateFileIsAClearError() async throws {
        #expect(throws: SandboxError.self) {
            _ = try SandboxAgencies(statePath: "/proc/lotsen-sandbox/state.sqlite")
        }
    }
}
