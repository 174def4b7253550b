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
    /// Where people log in with e-legitimation: the provider `LOTSEN_OIDC_ISSUER` names, else the sandbox's.
    let identity: OIDCIdentityProvider
    /// The sandbox agencies (in-process or at `LOTSEN_SANDBOX_URL`) answer: practice, and every screen and "sent"
    /// message says that no real agency is contacted.
    let practice: Bool

    var engine: JourneyEngine { context.engine }

    static func open(library: LibraryOptions, database: DatabaseOptions) async throws -> ExchangeContext {
        let context = try await EngineContext(library: library, database: database)
        let catalog = context.library.catalog
        var sandbox: SandboxAgencies?
        var root: URL?
        let environment = ProcessInfo.processInfo.environment
        let provider: OIDCConfiguration?
        do {
            provider = try OIDCConfiguration.fromEnvironment(environment)
        } catch {
            throw CLIError("the identity provider setting is wrong: \(error.message)",
                hint: "set \(OIDCConfiguration.issuerVariable), \(OIDCConfiguration.clientIDVariable) and \(OIDCConfiguration.clientSecretVariable), or none for the sandbox")
        }
        // The sandbox also answers for the identity provider when none is configured.
        if catalog.agencies.contains(where: { $0.endpoint.baseURL == nil }) || provider == nil {
            if let configured = ProcessInfo.processInfo.environment[SandboxLocation.environmentVariable], !configured.isEmpty {
                guard let url = URL(string: configured), url.scheme == "http" || url.scheme == "https" else {
                    throw CLIError("\(SandboxLocation.environmentVariable) is not an address", hint: "set it to the address lotsen sandbox printed")
                }
                root = url
            } else {
                do {
                    let agencies = try SandboxAgencies(statePath: sandboxStatePath(for: database))
                    agencies.approveLogins(automatically: approvesLogins)
                    root = try await agencies.start()
                    sandbox = agencies
                } catch {
                    throw CLIError("cannot start the sandbox agencies: \(error.message)", hint: error.hint)
                }
            }
        }
        let adapter = HTTPAgencyAdapter(catalog: catalog, sandbox: root)
        let client = SandboxAgencies.identityClient
        guard let login = provider ?? root.map({ OIDCConfiguration(issuer: $0.appendingPathComponent("idp"), clientID: client.id, clientSecret: client.secret) })
        else { throw CLIError("no identity provider", hint: "set \(OIDCConfiguration.issuerVariable)") }
        let identity = OIDCIdentityProvider(login)
        return ExchangeContext(context: context, exchange: AgencyExchange(engine: context.engine, store: context.store, adapter: adapter), sandbox: sandbox,
            adapter: adapter, identity: identity, practice: root != nil && catalog.isAllSandbox)
    }

    /// Said after anything sent or fetched while the sandbox agencies answer.
    static let practiceNote = "Practice: Lotsen's sandbox agencies answered; no real agency was contacted."

    /// `LOTSEN_SANDBOX_APPROVE_LOGINS=1`: the sandbox's identity provider approves every login for a test person at
    /// once (demos and tests); it never applies to a real provider.
    static var approvesLogins: Bool { ProcessInfo.processInfo.environment["LOTSEN_SANDBOX_APPROVE_LOGINS"] == "1" }

    /// The sandbox's cases live beside the database, so a case opened by one command progresses in the next.
    static func sandboxStatePath(for database: DatabaseOptions) -> String {
        database.siblingBase + "-sandbox.sqlite"
    }

    /// Stops the in-process sandbox, letting calls in flight finish, and closes the adapter's connections.
    func close() async {
        await sandbox?.stop()
        await adapter.shutdown()
        await identity.shutdown()
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
