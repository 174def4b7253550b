import Foundation
import JourneyModel
import Testing

/// `lotsen token create --role counter`: a token for a caseworker at a counter, bound to the person present.
@Suite("lotsen token create --role counter makes a token for one known person, for one visit")
struct CounterTokenCommandTests {
    @Test("a counter token needs a person Lotsen knows, and is listed as a counter token for them")
    func counterTokenForAKnownPerson() async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["start", "new-in-sweden", "--person", OfficialTestNumbers.personnummer]).status == 0)
        let created = try await cli.run(["token", "create", "--role", "counter", "--person", OfficialTestNumbers.personnummer, "--label", "desk 3"])
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output.hasPrefix("lotsen_") && created.error.contains("(counter)"))
        #expect(try await cli.run(["token", "create", "--role", "counter"]).status != 0)
        let unknown = try await cli.run(["token", "create", "--role", "counter", "--person", OfficialTestNumbers.centenarianPersonnummer])
        #expect(unknown.status != 0 && unknown.error.contains("a counter token is for a person Lotsen already knows"))
        let list = try await cli.run(["token", "list"]).output
        #expect(list.contains("  counter     person lp-") && list.contains(" · active · desk 3"))
    }
}
