import Foundation
import JourneyAdapters
import JourneySandbox
import Testing

@Suite("Sandbox server lifecycle")
struct SandboxLifecycleTests {
    @Test func startReturnsTheBoundLoopbackPortAndServesTheIndex() async throws {
        try await SandboxHarness.with { sandbox in
            #expect(sandbox.root.host == "127.0.0.1")
            #expect((sandbox.root.port ?? 0) > 0)
            #expect(sandbox.sandbox.url == sandbox.root)
            let index = try await sandbox.send("GET", "_sandbox")
            let agencies = try #require(index.json["agencies"] as? [String: Any])
            #expect(Set(agencies.keys) == Set(SandboxAgencies.agencies))
            #expect(Set(SandboxAgencies.agencies).isSuperset(of: [
                "skatteverket", "migrationsverket", "forsakringskassan", "bolagsverket", "arbetsformedlingen", "kommun",
            ]))
        }
    }

    @Test func startingTwiceIsRefusedAndAStoppedSandboxCanStartAgain() async throws {
        let sandbox = try SandboxAgencies(statePath: nil)
        _ = try await sandbox.start()
        await #expect(throws: SandboxError(.alreadyRunning, "the sandbox is already serving", hint: "stop it first")) {
            _ = try await sandbox.start()
        }
        await sandbox.stop()
        await sandbox.stop()
        let again = try await sandbox.start()
        let harness = SandboxHarness(sandbox: sandbox, root: again)
        #expect(try await harness.lookup("skatteverket", "population-record", personnummer: SandboxSeed.child).status == 200)
        await sandbox.stop()
    }

    @Test func aTakenPortIsACannotStartError() async throws {
        try await SandboxHarness.with { running in
            let other = try SandboxAgencies(statePath: nil)
            let error = await #expect(throws: SandboxError.self) {
                _ = try await other.start(port: running.root.port!)
            }
            #expect(error?.code == .cannotStart)
            #expect(other.url == nil)
        }
    }

    @Test func runServesInTheForegroundUntilStopped() async throws {
        let sandbox = try SandboxAgencies(statePath: nil)
        let (urls, continuation) = AsyncStream.makeStream(of: URL.self)
        let server = Task { try await sandbox.run(port: 0) { continuation.yield($0) } }
        var iterator = urls.makeAsyncIterator()
        let root = try #require(await iterator.next())
        let harness = SandboxHarness(sandbox: sandbox, root: root)
        #expect(try await harness.lookup("skatteverket", "population-record", personnummer: SandboxSeed.child).status == 200)
        await sandbox.stop()
        try await server.value
        #expect(sandbox.url == nil)
    }
}
