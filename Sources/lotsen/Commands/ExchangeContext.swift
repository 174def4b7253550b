import Foundation
import JourneyAdapters
import JourneyEngine
import JourneyModel
import JourneySandbox
import JourneyStore

/// The parts a command needs to talk to agencies: the engine, the exchange over the HTTP adapter, and the sandbox
/// agencies started in-process when an agency has no `baseURL` (unless `LOTSEN_SANDBOX_URL` names a running one).
struct ExchangeContext {
    let context: EngineContext
    let exchange: AgencyExchange
    let sandbox: SandboxAgencies?
    let adapter: HTTPAgencyAdapter

    var engine: JourneyEngine { context.engine }

    static func open(library: LibraryOptions, database: DatabaseOptions) async throws -> ExchangeContext {
        let context = try await EngineContext(library: library, database: database)
        let catalog = context.library.catalog
        var sandbox: SandboxAgencies?
        var root: URL?
        if catalog.agencies.contains(where: { $0.endpoint.baseURL == nil }) {
            if let configured = ProcessInfo.processInfo.environment[SandboxLocation.environmentVariable], !configured.isEmpty {
                guard let url = URL(string: configured), url.scheme == "http" || url.scheme == "https" else {
                    throw CLIError("\(SandboxLocation.environmentVariable) is not an address", hint: "set it to the address lotsen sandbox printed")
                }
                root = url
            } else {
                do {
                    let agencies = try SandboxAgencies(statePath: sandboxStatePath(for: database))
                    root = try await agencies.start()
                    sandbox = agencies
                } catch {
                    throw CLIError("cannot start the sandbox agencies: \(error.message)", hint: error.hint)
                }
            }
        }
        let adapter = HTTPAgencyAdapter(catalog: catalog, sandbox: root)
        return ExchangeContext(context: context, exchange: AgencyExchange(engine: context.engine, store: context.store, adapter: adapter), sandbox: sandbox,
            adapter: adapter)
    }

    /// The sandbox's cases live beside the database, so a case opened by one command progresses in the next.
    static func sandboxStatePath(for database: DatabaseOptions) -> String {
        database.siblingBase + "-sandbox.sqlite"
    }

    /// Stops the in-process sandbox, letting calls in flight finish, and closes the adapter's connections.
    func close() async {
        await sandbox?.stop()
        await adapter.shutdown()
    }

    /// Runs `body` with an open context and always closes it.
    static func with(library: LibraryOptions, database: DatabaseOptions, _ body: (ExchangeContext) async throws -> Void) async throws {
        let context = try await open(library: library, database: database)
        do {
            try await body(context)
        } catch {
            await context.close()
            throw error
        }
        await context.close()
    }
}
