import Foundation
import Synchronization
import Testing

/// How big a crash-matrix run is: small by default (the test in `./scripts/test`), larger from `bench/crash-matrix.sh`.
struct CrashMatrixSettings {
    /// People walked through the API while `lotsen serve` is killed (14 transitions, 11 facts, 2 agency events each).
    var apiPeople = 6
    /// People walked on the command line, each command liable to be killed (16 transitions, 11 facts each).
    var commandLinePeople = 2
    /// Applications sent with `lotsen submit` (and `lotsen sync`), liable to be killed.
    var applications = 4
    /// How often a command is killed, and how long `lotsen serve` lives between kills (milliseconds).
    var killShare = 0.5
    var serveLifetime = 300.0...1200.0
    var seed = UInt64.random(in: 1...UInt64(UInt32.max))
    var binary = CLIRunner.binary

    static func fromEnvironment() -> CrashMatrixSettings {
        let environment = ProcessInfo.processInfo.environment
        var settings = CrashMatrixSettings()
        if let value = environment["LOTSEN_CRASH_API_PEOPLE"].flatMap(Int.init), value >= 0 { settings.apiPeople = value }
        if let value = environment["LOTSEN_CRASH_CLI_PEOPLE"].flatMap(Int.init), value >= 0 { settings.commandLinePeople = value }
        if let value = environment["LOTSEN_CRASH_APPLICATIONS"].flatMap(Int.init), value >= 0 { settings.applications = value }
        if let value = environment["LOTSEN_CRASH_KILL_SHARE"].flatMap(Double.init), (0...1).contains(value) { settings.killShare = value }
        if let value = environment["LOTSEN_CRASH_SEED"].flatMap(UInt64.init) { settings.seed = value }
        if let path = environment["LOTSEN_CRASH_BINARY"], !path.isEmpty { settings.binary = URL(fileURLWithPath: path) }
        return settings
    }
}

/// SIGKILL at random points, then restart, and count: every acknowledged change stored once (none lost, none
/// doubled), every acknowledged agency event applied once, one case at the agency per application and per
/// idempotency key, and a whole journal chain. Three workloads run at once on one database: people walked through
/// the API of a `lotsen serve` that is killed and restarted every second or so; people walked on the command line with
/// each `lotsen answer`, `begin` and `complete` liable to be killed mid-run; and applications sent with `lotsen
/// submit`, killed mid-run and finished by running it (or `lotsen sync`) again, against a sandbox agency process.
///
/// `bench/crash-matrix.sh` runs the same code larger (`LOTSEN_CRASH_API_PEOPLE`, `LOTSEN_CRASH_CLI_PEOPLE`,
/// `LOTSEN_CRASH_APPLICATIONS`, `LOTSEN_CRASH_SEED`, `LOTSEN_CRASH_BINARY`); each test prints one `crash-matrix:` line.
@Suite("Lotsen killed with SIGKILL at random points", .serialized)
struct CrashMatrixTests {
    @Test("on SQLite, no acknowledged change is lost or doubled and every application opens one case", .timeLimit(.minutes(30)))
    func sqlite() async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        try await CrashMatrix.run(.sqlite(path: cli.database), cli: cli, settings: .fromEnvironment())
    }

    @Test("on PostgreSQL, no acknowledged change is lost or doubled and every application opens one case", .timeLimit(.minutes(30)))
    func postgres() async throws {
        let database = try await TwoNodeDatabase.make()
        let cli = CLIRunner()
        defer { cli.remove() }
        do {
            try await CrashMatrix.run(.postgres(database), cli: cli, settings: .fromEnvironment())
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }
}

enum CrashMatrix {
    /// Steps of `new-in-sweden` open to a US citizen staying a year or more with a US licence (see
    /// ``CommandLineWalk/answers``), in the journey's order.
    static let steps = ["residence-permit", "residence-permit-card", "population-registration", "identity-visit", "receive-personnummer", "sfi",
        "unemployment-fund", "swedish-driving-licence"]

    static func run(_ database: CrashDatabase, cli: CLIRunner, settings: CrashMatrixSettings) async throws {
        let clock = ContinuousClock()
        let began = clock.now
        let lotsen = LotsenCommand(cli: cli, database: database.url, binary: settings.binary)
        var processes = ProcessBag()
        defer { processes.killAll() }
        let ledger = CrashLedger()

        // ---------------------------------------------------------------- setup (nothing killed yet)
        let caseworker = try await lotsen.secret(["token", "create", "--role", "caseworker", "--label", "crash-matrix"])
        let agency = try await lotsen.secret(["token", "create", "--role", "agency", "--agency", "migrationsverket"])
        func newcomer() async throws -> String {
            let started = try await lotsen.succeed(["start", "new-in-sweden", "--person", "new"])
            return try #require(started.output.firstMatch(of: /lp-[a-z0-9]+/).map { String($0.output) }, "no reference: \(started.output)")
        }
        var citizens: [Citizen] = []
        for index in 0..<settings.apiPeople {
            let reference = try await newcomer()
            let token = try await lotsen.secret(["token", "create", "--role", "citizen", "--person", reference])
            citizens.append(Citizen(index: index, reference: reference, token: token))
        }
        var walkers: [String] = []
        for _ in 0..<settings.commandLinePeople { walkers.append(try await newcomer()) }
        var applicants: [String] = []
        for _ in 0..<settings.applications { applicants.append(try await newcomer()) }
        let sandbox = try SandboxProcess(cli: cli)
        processes.add(sandbox.process)
        let environment = ["LOTSEN_SANDBOX_URL": sandbox.root.absoluteString]
        let server = KilledServer(lotsen: lotsen, environment: environment)
        try await server.start()
        defer { server.killLast() }
        let runner = KillingRunner(lotsen: lotsen, environment: environment, killShare: settings.killShare, seed: settings.seed)
        let setupTime = clock.now - began

        // ---------------------------------------------------------------- the run: three workloads at once, two at a time each
        let runStarted = clock.now
        let client = SurvivingClient(server: server, ledger: ledger)
        let walk = APIWalk(client: client, caseworker: caseworker, agency: agency, tag: "\(settings.seed)")
        async let killing: Void = server.killRepeatedly(interval: settings.serveLifetime, random: runner, ledger: ledger)
        let (apiPeople, commandLinePeople, applicationPeople) = (citizens, walkers, applicants)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await inTurns(apiPeople, width: 4) { try await walk.walk($0) } }
            group.addTask { try await inTurns(commandLinePeople, width: 2) { try await CommandLineWalk.walk($0, runner: runner, ledger: ledger) } }
            group.addTask { try await inTurns(applicationPeople, width: 2) { try await CommandLineWalk.apply($0, runner: runner, ledger: ledger) } }
            try await group.waitForAll()
        }
        server.stop()
        try await killing
        server.killLast()
        let runTime = clock.now - runStarted

        // ---------------------------------------------------------------- after the last kill: finish, then check
        let synced = try await lotsen.run(["sync"], environment: environment)
        #expect(synced.status == 0, "the last lotsen sync: \(synced.error)")
        let verified = try await lotsen.run(["journal", "verify"])
        var verdict = try await CrashVerdict.make(ledger: ledger, database: database, sandbox: SandboxControl(root: sandbox.root))
        verdict.journal = (verified.output + verified.error).trimmingCharacters(in: .whitespacesAndNewlines)
        verdict.journalIntact = verified.status == 0 && verified.output.hasPrefix("The journal is intact")
        verdict.expectClean(ledger)

        let c = ledger.counts.withLock { $0 }
        let expectedApplications = settings.applications
        #expect(c.submissions == expectedApplications, "\(c.submissions) of \(expectedApplications) applications acknowledged")
        #expect(c.transitionsServe == settings.apiPeople * 14 && c.transitionsCommandLine == settings.commandLinePeople * 16,
            "transitions acknowledged: \(c.transitionsServe) through the API, \(c.transitionsCommandLine) on the command line")
        print("""
            crash-matrix: store=\(database.name) seed=\(settings.seed) transitions=\(c.transitionsServe + c.transitionsCommandLine) \
            transitions-api=\(c.transitionsServe) transitions-cli=\(c.transitionsCommandLine) facts=\(c.facts) agency-events=\(c.agencyEvents) \
            applications=\(c.submissions) kills=\(c.killsServe + c.killsCommand + c.killsSubmit + c.killsSync) kills-serve=\(c.killsServe) \
            kills-cli=\(c.killsCommand) kills-submit=\(c.killsSubmit) kills-sync=\(c.killsSync) resent=\(c.resentRequests) events=\(verdict.events) \
            lost=\(verdict.lost.count + verdict.lostMessages.count) doubled=\(verdict.doubled.count) cases-per-key=\(verdict.casesPerKey) \
            cases-per-application=\(verdict.casesPerApplication) pending=\(verdict.pendingLeft) failures=\(c.failures.count) \
            journal="\(verdict.journal)" setup=\(TwoNodeTests.seconds(setupTime)) run=\(TwoNodeTests.seconds(runTime))
            """)
    }

    /// Runs `body` for every item, `width` at a time.
    static func inTurns<Item: Sendable>(_ items: [Item], width: Int, _ body: @escaping @Sendable (Item) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            while next < min(width, items.count) {
                let item = items[next]
                group.addTask { try await body(item) }
                next += 1
            }
            while try await group.next() != nil, next < items.count {
                let item = items[next]
                group.addTask { try await body(item) }
                next += 1
            }
        }
    }
}
