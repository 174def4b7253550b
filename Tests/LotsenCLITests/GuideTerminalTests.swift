import Foundation
import JourneyModel
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A tmux server of its own, so the guide runs on a real terminal: keys are typed with send-keys and the screen
/// is read with capture-pane.
final class Tmux {
    static let isAvailable = ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    private let socket = "lotsen-test-\(UUID().uuidString)"
    private let session = "guide"

    deinit { _ = try? tmux(["kill-server"]) }

    /// Starts `arguments` in a new terminal 120 columns wide and `rows` high (150: tall enough for a whole screen) with
    /// `environment` and no inherited NO_COLOR; the pane stays open after the program ends and prints its exit status.
    /// A second, idle session keeps the tmux server alive when the terminal is closed with ``kill()``: a server with
    /// no sessions exits, and a `new-session` that reaches it while it is exiting fails.
    func start(_ arguments: [String], environment: [String: String], rows: Int = 150) throws {
        if try tmux(["has-session", "-t", "keeper"], check: false).status != 0 {
            try tmux(["new-session", "-d", "-s", "keeper", "sleep 3600"])
        }
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let command = (["env", "-u", "NO_COLOR"] + assignments + arguments.map(Self.quote)).joined(separator: " ") + "; echo guide-exited-$?; sleep 600"
        try tmux(["new-session", "-d", "-s", session, "-x", "120", "-y", "\(rows)", command])
    }

    /// Types `text` and presses Enter.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]); try tmux(["send-keys", "-t", session, "Enter"]) }

    /// Presses keys by name, such as `C-c`.
    func press(_ key: String) throws { try tmux(["send-keys", "-t", session, key]) }

    /// What the terminal shows now; with `escapes`, including the colour codes.
    func screen(escapes: Bool = false) throws -> String { try tmux(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : [])).output }

    /// Waits until the screen shows `text`, and returns the screen.
    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(20)
        var shown = ""
        while Date() < deadline {
            shown = try screen()
            if shown.contains(text) { return shown }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("the terminal never showed '\(text)'; it shows:\n\(shown)", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    /// Closes the terminal as a person closing the window would: the guide gets no chance to say goodbye.
    func kill() throws { try tmux(["kill-session", "-t", session]) }

    /// What a tmux command printed and its exit status.
    struct Outcome {
        let output: String
        let status: Int32
    }

    /// A tmux command that failed: its words, exit status and what it wrote to standard error.
    struct Failure: Error, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let error: String
        var description: String { "tmux \(arguments.joined(separator: " ")) exited with \(status): \(error)" }
    }

    /// Runs a tmux command with `posix_spawn`, not `Process`: the server that `new-session` forks would inherit what
    /// `Process` uses to notice the end of a child (so it would wait for the server), and the test thread's blocked
    /// signals (so closing the terminal would not end the guide). Here it starts clean: no signals blocked, default
    /// handlers, standard input on /dev/null, standard output and error in files read afterwards. With `check`, a
    /// command that fails throws, so a terminal that could not be opened is not mistaken for an empty screen.
    @discardableResult
    private func tmux(_ arguments: [String], check: Bool = true) throws -> Outcome {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString)")
        let output = base.appendingPathExtension("out")
        let errors = base.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TMUX") }.map { "\($0.key)=\($0.value)" }
        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // WEXITSTATUS, which Swift does not import: the exit code is in the second byte of the status.
        let outcome = Outcome(output: (try? String(contentsOf: output, encoding: .utf8)) ?? "", status: status & 0x7F == 0 ? (status >> 8) & 0xFF : -1)
        if check, outcome.status != 0 {
            throw Failure(arguments: arguments, status: outcome.status, error: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
        }
        return outcome
    }

    private static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

@Suite("lotsen guide on a real terminal and through a pipe")
struct GuideTerminalTests {
    @Test("on a terminal: colours, an application sent, the terminal killed mid-journey, then resumed and left with Ctrl-C",
        .enabled(if: Tmux.isAvailable, "needs tmux (scripts/setup installs it)"))
    func killAndResumeOnARealTerminal() throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let tmux = Tmux()
        let binary = CLIRunner.binary.path
        var environment = ["LOTSEN_DATABASE": runner.database, "TERM": "xterm-256color", "LANG": "en_GB.UTF-8", "HOME": runner.folder.path]
        try tmux.start([binary, "guide", "new-in-sweden", "--person", "new", "--journeys", CLIRunner.root.appendingPathComponent("journeys").path,
            "--adapters", CLIRunner.root.appendingPathComponent("adapters").path], environment: environment)
        let first = try tmux.waitFor("Which country are you a citizen of?")
        let match = try #require(first.range(of: #"lp-[0-9a-z]{10}"#, options: .regularExpression))
        let reference = String(first[match])
        #expect(try tmux.screen(escapes: true).contains("\u{1B}["), "colours on a terminal")
        // The sandbox agencies answer, so every screen says it is practice.
        #expect(first.contains("Practice: sandbox agencies answer; no real agency is contacted."))
        try tmux.type("Germany")
        try tmux.waitFor("Will you live in Sweden for at least one year?")
        try tmux.type("perhaps")
        try tmux.waitFor("Try again: expected yes or no. Answer yes/no (or ja/nej).")
        try tmux.type("yes")
        try tmux.waitFor("Are you already registered in the Swedish population register")
        try tmux.type("no")
        // Then who is coming: it decides which steps the family has.
        try tmux.waitFor("Is your husband, wife or partner moving to Sweden with you?")
        try tmux.type("no")
        try tmux.waitFor("Are children under 18 moving with you?")
        try tmux.type("no")
        try tmux.waitFor("What is your full name?")
        try tmux.type("Test Testsson")
        try tmux.waitFor("What is your address in Sweden?")
        try tmux.type("Testgatan 1, 111 11 Stockholm")
        let steps = try tmux.waitFor("Next: Notify your move to Sweden")
        // Every screen says it is practice, the list of steps as much as the first question.
        #expect(steps.contains("Practice: sandbox agencies answer; no real agency is contacted."))
        #expect(steps.contains("  4) Notify your move to Sweden"), "the step is chosen by its own number in the list")
        try tmux.type("4")
        try tmux.waitFor("What you can do now")
        try tmux.type("1")  // send the application through Lotsen
        try tmux.waitFor("This is exactly what is sent:")
        try tmux.type("1")
        try tmux.waitFor("Sent to the sandbox of Swedish Tax Agency, which has your case SKV-")

        // Closing the terminal loses nothing: every change was saved before the next prompt.
        try tmux.kill()
        environment["NO_COLOR"] = "1"
        try tmux.start([binary, "guide", "--person", reference, "--journeys", CLIRunner.root.appendingPathComponent("journeys").path,
            "--adapters", CLIRunner.root.appendingPathComponent("adapters").path], environment: environment)
        let resumed = try tmux.waitFor("Next: Identity check at a service office")
        #expect(resumed.contains("Practice: sandbox agencies answer; no real agency is contacted."))
        #expect(resumed.contains("Welcome back. You continue where you left off: New in Sweden."))
        // On arrival the guide asked the agency about the case sent before the terminal closed.
        #expect(resumed.contains("Notify your move to Sweden: approved, and done"))
        #expect(resumed.contains("1 of 12 steps done"))
        // Straight to the steps: the questions answered before the terminal closed are not asked again.
        #expect(!resumed.contains("Your answer:"))
        #expect(!(try tmux.screen(escapes: true)).contains("\u{1B}["), "no colours with NO_COLOR")

        try tmux.press("C-c")
        let goodbye = try tmux.waitFor("guide-exited-")
        #expect(goodbye.contains("Stopped."))
        #expect(goodbye.contains("To continue, run: lotsen guide new-in-sweden --person \(reference)"))
        #expect(goodbye.contains("guide-exited-130"))
    }

    @Test("on a terminal: a parent logs in, picks their child and answers for them; every screen says practice and whom they act for",
        .enabled(if: Tmux.isAvailable, "needs tmux (scripts/setup installs it)"))
    func parentActsForChildOnARealTerminal() throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let tmux = Tmux()
        let environment = ["LOTSEN_DATABASE": runner.database, "TERM": "xterm-256color", "LANG": "en_GB.UTF-8", "HOME": runner.folder.path,
            "LOTSEN_SANDBOX_APPROVE_LOGINS": "1"]
        try tmux.start([CLIRunner.binary.path, "guide", "new-in-sweden", "--as-guardian", "--person", OfficialTestNumbers.personnummer,
            "--journeys", CLIRunner.root.appendingPathComponent("journeys").path, "--adapters", CLIRunner.root.appendingPathComponent("adapters").path],
            environment: environment)
        let first = try tmux.waitFor("Act for your child")
        #expect(first.contains("Practice: sandbox agencies answer; no real agency is contacted."))
        try tmux.type("1")  // log in with e-legitimation
        try tmux.waitFor("I have approved")
        try tmux.type("1")
        let children = try tmux.waitFor("your child born 2019-01-01")
        #expect(children.contains("Practice: sandbox agencies answer; no real agency is contacted."))
        try tmux.type("1")
        let question = try tmux.waitFor("Which country are you a citizen of?")
        #expect(question.contains("Practice: sandbox agencies answer; no real agency is contacted."))
        #expect(question.contains("You are acting for your child born 2019-01-01, as their guardian."))
        try tmux.type("Norway")
        let next = try tmux.waitFor("Will you live in Sweden for at least one year?")
        #expect(next.contains("You are acting for your child born 2019-01-01, as their guardian."), "every screen says whom the parent acts for")
        // The child's number is never on screen, nor the parent's.
        for digits in ["2385", "2391"] { #expect(!next.contains(digits)) }
        try tmux.type("q")
        let goodbye = try tmux.waitFor("guide-exited-")
        #expect(goodbye.contains("Your progress is saved: nothing you did is lost."))
        #expect(goodbye.contains("guide-exited-0"))
    }

    @Test("on a short terminal the list of steps fits: Next stays on screen, with the key for every step",
        .enabled(if: Tmux.isAvailable, "needs tmux (scripts/setup installs it)"))
    func shortTerminalKeepsNextOnScreen() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let input = ["n", "Germany", "yes", "no", "no", "no", "Test Testsson", "Testgatan 1"].joined(separator: "\n") + "\n"
        let piped = try await runner.run(["guide", "new-in-sweden"], input: input)
        let reference = try #require(piped.output.range(of: #"lp-[0-9a-z]{10}"#, options: .regularExpression).map { String(piped.output[$0]) })
        let tmux = Tmux()
        let environment = ["LOTSEN_DATABASE": runner.database, "TERM": "xterm-256color", "LANG": "en_GB.UTF-8", "HOME": runner.folder.path]
        try tmux.start([CLIRunner.binary.path, "guide", "--person", reference, "--journeys", CLIRunner.root.appendingPathComponent("journeys").path,
            "--adapters", CLIRunner.root.appendingPathComponent("adapters").path], environment: environment, rows: 30)
        let screen = try tmux.waitFor("Your choice:")
        #expect(screen.contains("Next: Notify your move to Sweden"), "Next stays on screen:\n\(screen)")
        #expect(screen.contains("  s) See all the steps"))
        // Every step, taller than the terminal: its top scrolls away, so Next is said again above the choices.
        try tmux.type("s")
        let all = try tmux.waitFor("19    Child allowance")
        #expect(all.contains("Next: Notify your move to Sweden"))
        try tmux.type("q")
        #expect(try tmux.waitFor("guide-exited-").contains("guide-exited-0"))
    }

    @Test("through a pipe: plain lines a script can drive, in Swedish, saved at the end of input")
    func scriptDrivesThePlainGuide() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let input = ["n", "Tyskland", "nej", "nej", "nej", "nej", "Test Testsson", "Testgatan 1"].joined(separator: "\n") + "\n"
        let result = try await runner.run(["guide", "new-in-sweden", "--lang", "sv"], input: input)
        #expect(result.status == 0)
        #expect(result.error.isEmpty)
        #expect(!result.output.contains("\u{1B}"))
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0 == "Ditt svar:" }.count == 7, "each prompt is a line of its own")
        #expect(result.output.contains("Nästa: Ansök om samordningsnummer"))
        #expect(lines.last == "" && lines.dropLast().last?.hasPrefix("Fortsätt senare med: lotsen guide new-in-sweden --person lp-") == true)
        // Nothing a screen reader would read out as a symbol's name.
        for symbol in ["—", "·", "•", "…"] { #expect(!result.output.contains(symbol), "plain output has no \(symbol)") }
        let status = try await runner.run(["status", "--person", String(lines.dropLast().last!.split(separator: " ").last!), "--json"])
        #expect(status.status == 0)
        #expect(status.output.contains("\"citizenship\""))
    }
}
