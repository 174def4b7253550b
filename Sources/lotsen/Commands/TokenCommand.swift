import ArgumentParser
import Foundation
import JourneyEngine
import JourneyHTTP
import JourneyModel
import JourneySQLite
import JourneyStore

/// `lotsen token`: bearer tokens for the JSON API.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke bearer tokens for the JSON API.",
        discussion: """
            A token is shown once, when it is created; only a hash of it is stored. A citizen's token reads and \
            changes only that person's journeys, a caseworker's reads every journey but acts for no one, a counter \
            token lets a caseworker at a counter act for the one person present (for 8 hours, recorded as the \
            counter's doing), and an agency's pushes case events for that agency's services only.
            """,
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self]
    )
}

/// `lotsen token create`
struct TokenCreateCommand: AsyncParsableCommand {
    /// How long a counter token lasts: one visit, at most a working day.
    static let counterLifetime: TimeInterval = 8 * 3_600

    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token and print its secret (shown this once).",
        discussion: """
            The secret is the only line on standard output, so TOKEN=$(lotsen token create ...) keeps it; the token's \
            id, for listing and revoking, is printed on standard error.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Who the token speaks for.", valueName: "role"))
    var role: StoredToken.Role

    @Option(name: .long, help: ArgumentHelp("For a citizen, or the person present at a counter: personnummer, samordningsnummer or Lotsen reference (lp-...).", valueName: "id"))
    var person: String?

    @Option(name: .long, help: ArgumentHelp("For an agency: its id in adapters/, such as skatteverket.", valueName: "id"))
    var agency: String?

    @Option(name: .long, help: ArgumentHelp(
        "For a caseworker: their own personnummer, so that they can also sign in to the web view with e-legitimation.", valueName: "number"))
    var staffIdentity: String?

    @Option(name: .long, help: ArgumentHelp("A note on who holds the token, for 'lotsen token list'.", valueName: "text"))
    var label: String?

    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        switch role {
        case .citizen, .counter:
            guard staffIdentity == nil else { throw ValidationError("--staff-identity is only for --role caseworker") }
            guard person != nil else { throw ValidationError("a \(role.rawValue) token needs --person") }
            guard agency == nil else { throw ValidationError("--agency is only for --role agency") }
        case .agency:
            guard agency != nil else { throw ValidationError("an agency's token needs --agency") }
            guard staffIdentity == nil else { throw ValidationError("--staff-identity is only for --role caseworker") }
            guard person == nil else { throw ValidationError("--person is only for --role citizen or counter") }
        case .caseworker:
            guard person == nil, agency == nil else { throw ValidationError("a caseworker's token takes neither --person nor --agency") }
            if let staffIdentity, (try? Personnummer(parsing: staffIdentity)) == nil {
                throw ValidationError("--staff-identity must be a valid personnummer or samordningsnummer")
            }
        }
    }

    func run() async throws {
        try await reportingFailures {
            let store = try await database.open()
            var personID: PersonID?
            var identity: Personnummer?
            if let person {
                switch try PersonReference(parsing: person) {
                case .new: throw CLIError("a token is for someone Lotsen can name", hint: "start a journey with --person new first, then use the reference")
                case .id(let id):
                    guard try await store.person(id: id) != nil else {
                        throw CLIError("no person with reference \(id)", hint: "check the reference")
                    }
                    personID = id
                case .identity(let number):
                    // Named by number until their first journey creates the person; by reference after that.
                    if let known = try await store.person(identity: number) { personID = known.id } else { identity = number }
                }
            }
            var agencyID: AgencyID?
            if let agency {
                let catalog = try library.load().catalog
                guard catalog.agency(AgencyID(agency)) != nil else {
                    throw CLIError("no agency '\(agency)' in the adapters", hint: "agencies: \(catalog.agencies.map(\.id.rawValue).joined(separator: ", "))")
                }
                agencyID = AgencyID(agency)
            }
            if let staffIdentity { identity = try Personnummer(parsing: staffIdentity) }
            if role == .counter, personID == nil {
                throw CLIError("a counter token is for a person Lotsen already knows", hint: "start their journey first, then make the token")
            }
            let (secret, hash) = TokenSecret.generate()
            let now = Date()
            let token = StoredToken(id: TokenSecret.newID(), role: role, person: personID, identity: identity, agency: agencyID, label: label,
                createdAt: now, expiresAt: role == .counter ? now.addingTimeInterval(Self.counterLifetime) : nil)
            try await store.insertToken(token, secretHash: hash)
            Console.print(secret)
            Console.error("Created token \(token.id) (\(role.rawValue)). The secret above is shown only now; revoke it with: lotsen token revoke \(token.id)")
        }
    }
}

/// `lotsen token list`
struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens (never their secrets).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingFailures {
            let store = try await database.open()
            let tokens = try await store.tokens()
            if tokens.isEmpty { Console.print("No tokens yet; create one with: lotsen token create --role ..."); return }
            let formatter = ISO8601DateFormatter()
            for token in tokens {
                let subject =
                    token.person.map { "person \($0)" } ?? token.agency.map { "agency \($0)" } ?? (token.identity == nil ? "-" : token.role == .caseworker ? "signs in with e-legitimation" : "person (not yet started a journey)")
                let state = token.revokedAt.map { "revoked \(formatter.string(from: $0))" } ?? "active"
                let label = token.label.map { " · \($0)" } ?? ""
                Console.print("\(token.id)  \(token.role.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(subject) · created \(formatter.string(from: token.createdAt)) · \(state)\(label)")
            }
        }
    }
}

/// `lotsen token revoke`
struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token: it is refused from the next request on.")

    @Argument(help: ArgumentHelp("The token's id (tk-...), as shown by 'lotsen token list'.", valueName: "token-id"))
    var id: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingFailures {
            let store = try await database.open()
            guard try await store.revokeToken(id: id, at: Date()) != nil else {
                throw CLIError("no token '\(id)'", hint: "list them with: lotsen token list")
            }
            Console.print("Revoked \(id).")
        }
    }
}

extension StoredToken.Role: ExpressibleByArgument {}

/// Runs a store call, turning a storage failure into the command line's error.
private func storage<T>(_ body: () throws(StorageError) -> T) throws -> T {
    do { return try body() } catch { throw CLIError(error.message, hint: error.hint) }
}
