import Foundation
import JourneyAdapters
import JourneyEngine
import JourneySandbox
import Testing

/// The sandbox agencies on a loopback port, with the HTTP adapter `lotsen serve` uses pointed at them: Skatteverket's
/// population register, asked about custody over real HTTP.
struct SandboxRegisterOnLoopback {
    let sandbox: SandboxAgencies
    let adapter: HTTPAgencyAdapter
    var custody: CustodyRegister { CustodyRegister(adapter: adapter) }

    static func with(_ body: (SandboxRegisterOnLoopback) async throws -> Void) async throws {
        let sandbox = try SandboxAgencies(statePath: nil)
        let root = try await sandbox.start(port: 0)
        let adapter = HTTPAgencyAdapter(catalog: Harness.library.catalog, sandbox: root, environment: [:])
        let register = SandboxRegisterOnLoopback(sandbox: sandbox, adapter: adapter)
        do {
            try await body(register)
        } catch {
            await adapter.shutdown()
            await sandbox.stop()
            throw error
        }
        await adapter.shutdown()
        await sandbox.stop()
    }
}
