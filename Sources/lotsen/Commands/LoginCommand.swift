import ArgumentParser
import Foundation
import JourneyAdapters
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen login`: proves who the person is with e-legitimation (OpenID Connect; the sandbox's provider by default),
/// and binds the proven number to their record. Once-only (`lotsen fetch`, `lotsen submit`) needs it.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in with e-legitimation, so Lotsen may fetch and send for you.",
        discussion: """
            Starts a login at the identity provider (LOTSEN_OIDC_ISSUER with LOTSEN_OIDC_CLIENT_ID and \
            LOTSEN_OIDC_CLIENT_SECRET; without them the sandbox's, which knows only Skatteverket's test numbers), prints \
            a link and a code, and waits until you approve in your eID app (in the sandbox: open the link and press \
            Approve). The number you proved is then bound to your record: a newcomer's reference (lp-...) keeps all \
            its progress. A number that was only typed is never linked to anyone; this is the only way, besides \
            Skatteverket's own answer, that a number becomes your identity in Lotsen. 'lotsen link' is the same command.
            """,
        aliases: ["link"]
    )

    @Option(name: .long, help: ArgumentHelp("Your record: personnummer, samordningsnummer, Lotsen reference (lp-...), or 'new'.", valueName: "id"))
    var person: String

    @Option(name: .long, help: ArgumentHelp("The number you log in with, when --person is a reference (the eID app asks for it).", valueName: "number"))
    var identity: String?

    @Option(name: .long, help: ArgumentHelp("How many seconds to wait for your approval.", valueName: "seconds"))
    var timeout: Int = 300

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try await reportingFailures {
            let reference = try PersonReference(parsing: person)
            var hint: Personnummer?
            if case .identity(let number) = reference { hint = number }
            if let identity {
                guard case .identity(let number) = try PersonReference(parsing: identity) else {
                    throw ValidationError("--identity must be a personnummer or samordningsnummer")
                }
                if let hint, hint != number { throw ValidationError("--identity and --person name different numbers") }
                hint = number
            }
            guard (1...3600).contains(timeout) else { throw ValidationError("--timeout must be 1 to 3600 seconds") }
            try await ExchangeContext.with(library: library, database: database) { context in
                let label = Labels(language: language.language)
                let order = try await Self.identityCall { () async throws(IdentityProviderError) in
                    try await context.identity.startLogin(nonce: Self.nonce(), hint: hint)
                }
                Console.print(label("Open \(order.verificationURL.absoluteString) and approve the login in your e-legitimation app.",
                    "Öppna \(order.verificationURL.absoluteString) och godkänn inloggningen i din e-legitimationsapp."))
                Console.print(label("Check that the app shows the code \(order.userCode). Waiting for your approval…",
                    "Kontrollera att appen visar koden \(order.userCode). Väntar på att du godkänner …"))
                let deadline = Date().addingTimeInterval(TimeInterval(timeout))
                var proven: ProvenIdentity?
                while proven == nil {
                    guard Date() < deadline, Date() < order.expiresAt else {
                        throw CLIError("the login was not approved in time", hint: "run lotsen login again")
                    }
                    try await Task.sleep(for: order.interval)
                    proven = try await Self.identityCall { () async throws(IdentityProviderError) in try await context.identity.poll(order) }
                }
                guard let proven else { return }
                if let hint, proven.number != hint {
                    throw CLIError("you logged in with another number than the one given", hint: "log in with your own e-legitimation")
                }
                let existing: PersonID? =
                    switch reference {
                    case .id(let id): id
                    case .identity, .new: nil
                    }
                let bound = try await context.engine.prove(proven, person: existing)
                Console.print(label("Logged in. Your \(proven.number.kind.rawValue) is proven and linked to \(bound.id); Lotsen may now fetch and send for you.",
                    "Inloggad. Ditt \(proven.number.kind.rawValue) är styrkt och kopplat till \(bound.id); Lotsen får nu hämta och skicka åt dig."))
            }
        }
    }

    static func nonce() -> String { (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined() }

    /// Runs a call to the identity provider, turning its refusal into the command line's error.
    static func identityCall<T>(_ call: () async throws(IdentityProviderError) -> T) async throws -> T {
        do {
            return try await call()
        } catch {
            throw CLIError(error.message, hint: error.hint)
        }
    }
}
