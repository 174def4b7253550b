import Foundation
import JourneyModel
import Testing

/// `lotsen sandbox emit`: the real binary, a real database file and the sandbox's own identity provider.
@Suite("A sandbox agency's life event offers a journey, shown in the guide")
struct SandboxEmitCommandTests {
    @Test("a birth from the sandbox's Skatteverket offers 'Becoming a parent' to a logged-in person; the guide shows it with the date filled in")
    func birthOffersBecomingAParent() async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        let person = try await MandateCommandTests.provenPerson(OfficialTestNumbers.personnummer, cli)
        let emitted = try await cli.run(["sandbox", "emit", "birth-registered", "--person", OfficialTestNumbers.personnummer, "--born", "2026-11-30"])
        #expect(emitted.status == 0, "\(emitted.error)")
        #expect(emitted.output.contains("Offered Becoming a parent to \(person)"), "\(emitted.output)")
        #expect(!emitted.output.contains("19900101") && !emitted.output.contains("199001012385"))

        let guide = try await cli.run(["guide", "--person", person, "--lang", "en"], input: "1\nq\n")
        #expect(guide.output.contains("has registered a birth in your family"), "\(guide.output)")
        #expect(guide.output.contains("The child's date of birth: 2026-11-30"))
        #expect(guide.output.contains("You have started: Becoming a parent."))
        // Born 30 November 2026: the child's name is due three months after, by the end of 28 February 2027.
        let status = try await cli.run(["status", "--person", person, "--journey", "becoming-a-parent"])
        let name = try #require(status.output.split(separator: "\n").first { $0.contains("[child-name]") })
        #expect(name.contains("due by 2027-02-28"), "\(name)")

        // The same number again: the person is on the journey now, so no second offer.
        let again = try await cli.run(["sandbox", "emit", "birth-registered", "--person", OfficialTestNumbers.personnummer])
        #expect(again.output.contains("No offer was made"))
        let journal = try await cli.run(["journal", "--person", person]).output
        #expect(journal.contains("becoming-a-parent"), "\(journal)")
    }

    @Test("someone who is not a sandbox test person is refused, naming a test person to use, and an unknown event is a usage error")
    func refusals() async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        let stranger = try await cli.run(["sandbox", "emit", "birth-registered", "--person", OfficialTestNumbers.centenarianPersonnummer])
        #expect(stranger.status == 1 && stranger.error.contains("not one of the sandbox's test people"), "\(stranger.error)")
        #expect(try await cli.run(["sandbox", "emit", "wedding", "--person", OfficialTestNumbers.personnummer]).status == 64)
    }
}
