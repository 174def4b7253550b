import Testing

@Suite("--help reads well and stays as reviewed")
struct HelpGoldenTests {
    static let commands = ["", "guide", "validate", "journeys", "show", "graph", "import", "import govuk", "import cpsv", "export", "export cpsv", "start", "answer", "begin", "complete", "skip", "reject", "status",
        "history", "login", "fetch", "submit", "sync", "consent", "consent list", "consent withdraw", "mandate", "mandate grant", "mandate list", "mandate withdraw", "journal", "journal show", "journal verify",
        "sandbox", "sandbox emit", "serve", "timers", "timers run", "migrate-enrollments", "token", "token create", "token list", "token revoke", "database", "database create", "translations", "translations update"]

    @Test("each command's help matches its golden file", arguments: commands)
    func helpMatchesGolden(command: String) async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let result = try await runner.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        #expect(result.error.isEmpty)
        try Golden.check(result.output, "help-\(command.isEmpty ? "lotsen" : command.replacingOccurrences(of: " ", with: "-")).txt")
    }
}
