import ArgumentParser
import Foundation
import JourneyAdapters
import JourneySandbox

/// `lotsen sandbox`: the built-in simulated agencies, on their own.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the built-in sandbox agencies on loopback until stopped.",
        discussion: """
            Serves simulated Skatteverket, Migrationsverket, Försäkringskassan, Bolagsverket, Arbetsförmedlingen, a \
            municipality and a region, holding fictional people under Skatteverket's official test personnummer. \
            Other Lotsen commands start the sandbox by themselves when they need it; run it on its own to share one \
            between several processes (export LOTSEN_SANDBOX_URL=<the address printed>) or to call it with curl. \
            It is also an OpenID Connect identity provider under /idp, with a simulated BankID app at /idp/bankid \
            where logins are approved; with --approve-logins (or LOTSEN_SANDBOX_APPROVE_LOGINS=1) every login for a \
            test person is approved at once, for demos and tests. Stop it with Ctrl-C or SIGTERM. 'lotsen sandbox \
            emit' has a sandbox agency tell Lotsen of a life event instead.
            """,
        subcommands: [SandboxEmitCommand.self]
    )

    @Option(name: .long, help: ArgumentHelp("The loopback port (0 picks a free one).", valueName: "port"))
    var port = 8089

    @Option(name: .long, help: ArgumentHelp("Where the sandbox keeps its cases (default: beside the database).", valueName: "file"))
    var state: String?

    @Flag(name: .long, help: "Approve every login for a sandbox test person at once, as if in the BankID app (demos and tests).")
    var approveLogins = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingFailures {
            do {
                let sandbox = try SandboxAgencies(statePath: state ?? ExchangeContext.sandboxStatePath(for: database))
                sandbox.approveLogins(automatically: approveLogins || ExchangeContext.approvesLogins)
                try await sandbox.run(port: port) { url in
                    Console.print("Sandbox agencies at \(url.absoluteString) (agency X at \(url.absoluteString)/X, identity provider at \(url.absoluteString)/idp). Stop with Ctrl-C.")
                }
            } catch let error as SandboxError {
                throw CLIError("the sandbox stopped: \(error.message)", hint: error.hint)
            }
        }
    }
}
