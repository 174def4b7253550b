import Foundation
import GRDB
import Testing

/// Nothing Lotsen prints can act on the terminal: answers with control characters are refused with an error that
/// names the field, and text stored before that rule (or by anything else) is printed with visible escapes.
@Suite("Safe terminal output from the command line")
struct TerminalOutputTests {
    static let hostile = "\u{1B}[2J\u{1B}[31mRED\u{1B}]0;pwned\u{07} x\r\nfake: line"
    static let shown = #"\u{1B}[2J\u{1B}[31mRED\u{1B}]0;pwned\u{07} x\u{0D}\u{0A}fake: line"#

    /// Whether `text` has a control character other than the line feeds between lines.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    static func reference(_ output: String) throws -> String {
        try #require(output.firstMatch(of: /lp-[a-z0-9]{10}/).map { String($0.output) })
    }

    @Test("answer refuses a name with ESC, BEL and CR/LF, naming the fact, in the reader's language, and echoes none of it",
        arguments: [("en", "'fullName': character 1 is a control character (U+001B)"), ("sv", "'fullName': tecken 1 är ett styrtecken (U+001B)")])
    func hostileAnswerRefused(language: String, expected: String) async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let person = try await Self.reference(try runner.run(["start", "new-in-sweden", "--person", "new"]).output)
        let refused = try await runner.run(["answer", "--person", person, "--lang", language, "fullName=\(Self.hostile)"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("error: \(expected)"))
        #expect(refused.error.contains("hint: "))
        #expect(!Self.hasControlCharacters(refused.error + refused.output))
        #expect(!refused.error.contains("pwned"))
        let status = try await runner.run(["status", "--person", person])
        #expect(!status.output.contains("RED"))
    }

    @Test("-1 and 1,5 employees are refused by answer; 2,5 is a Swedish decimal")
    func numbersRefused() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let person = try await Self.reference(try runner.run(["start", "starting-a-business", "--person", "new"]).output)
        let negative = try await runner.run(["answer", "--person", person, "employees=-1"])
        #expect(negative.status == 1)
        #expect(negative.error.contains("error: 'employees': the smallest answer allowed is 0"))
        #expect(negative.error.contains("hint: write a number from 0 to 100,000"))
        let fraction = try await runner.run(["answer", "--person", person, "--lang", "sv", "employees=1,5"])
        #expect(fraction.status == 1)
        #expect(fraction.error.contains("error: 'employees': svaret ska vara ett heltal"))
        let turnover = try await runner.run(["answer", "--person", person, "--lang", "sv", "expectedAnnualTurnover=2,5"])
        #expect(turnover.status == 0)
        #expect(try await runner.run(["status", "--person", person, "--json"]).output.contains("2.5"))
    }

    @Test("status, history and status --json print a name stored with control characters as visible escapes, forging no line")
    func storedTextPrintedHarmlessly() async throws {
        let runner = CLIRunner()
        defer { runner.remove() }
        let person = try await Self.reference(try runner.run(["start", "new-in-sweden", "--person", "new"]).output)
        #expect(try await runner.run(["answer", "--person", person, "fullName=Test Testsson"]).status == 0)
        let rejected = try await runner.run(["reject", "residence-permit", "--person", person, "--reason", Self.hostile])
        #expect(rejected.status == 1)
        #expect(rejected.error.contains("error: 'reason' has a control character (U+001B) at character 1"))
        // Behind Lotsen's back, as an older version or another tool could have stored it.
        let database = try DatabaseQueue(path: runner.database)
        try await database.write { try $0.execute(sql: "UPDATE fact SET value = ? WHERE factId = 'fullName'", arguments: [Self.hostile]) }
        try database.close()

        let status = try await runner.run(["status", "--person", person])
        #expect(status.status == 0)
        #expect(status.output.contains(Self.shown))
        #expect(!Self.hasControlCharacters(status.output))
        #expect(!status.output.split(separator: "\n").contains { $0.hasPrefix("fake: line") })

        let json = try await runner.run(["status", "--person", person, "--json"])
        #expect(!Self.hasControlCharacters(json.output))
        let document = try JSONSerialization.jsonObject(with: Data(json.output.utf8))
        #expect(String(describing: document).contains("pwned"))

        let history = try await runner.run(["history", "--person", person])
        #expect(history.status == 0)
        #expect(!Self.hasControlCharacters(history.output))
    }
}
