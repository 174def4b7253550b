import Foundation
import JourneyModel
import Testing

/// `lotsen mandate grant|list|withdraw` for two people who logged in through the sandbox's provider.
@Suite("lotsen mandate grants, lists and withdraws mandates, and both people's journals say so")
struct MandateCommandTests {
    /// A day in Sweden, `days` from today, as the command line takes it.
    static func day(in days: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(TimeInterval(days * 86_400)))
    }

    /// Starts a journey for `number`, logs them in (approved at once) and returns their Lotsen reference.
    static func provenPerson(_ number: String, _ cli: CLIRunner) async throws -> String {
        #expect(try await cli.run(["start", "new-in-sweden", "--person", number]).status == 0)
        let login = try await cli.run(["login", "--person", number], environment: ["LOTSEN_SANDBOX_APPROVE_LOGINS": "1"])
        #expect(login.status == 0, "\(login.error)")
        let status = try await cli.run(["status", "--person", number, "--json"]).output
        let match = try #require(status.range(of: "\"reference\" : \"lp-[0-9a-z]+\"", options: .regularExpression))
        return String(status[match].dropFirst("\"reference\" : \"".count).dropLast())
    }

    @Test("a grant shows in both people's lists, expiring soon; only the grantor withdraws; both journals tell; no number is echoed")
    func grantListWithdraw() async throws {
        let cli = CLIRunner()
        defer { cli.remove() }
        let a = try await Self.provenPerson(OfficialTestNumbers.personnummer, cli)
        let b = try await Self.provenPerson(OfficialTestNumbers.leapDayPersonnummer, cli)

        let granted = try await cli.run(["mandate", "grant", "--person", a, "--to", b, "--journey", "new-in-sweden", "--service", "skatteverket.id-card",
            "--until", Self.day(in: 7)])
        #expect(granted.status == 0, "\(granted.error)")
        #expect(granted.output.hasPrefix("Granted md-"))
        #expect(granted.output.contains(": \(b) may act for \(a) in new-in-sweden, skatteverket.id-card, \(Self.day(in: 0)) to \(Self.day(in: 7))."))
        let mandate = try #require(granted.output.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })

        let byA = try await cli.run(["mandate", "list", "--person", OfficialTestNumbers.personnummer]).output
        #expect(byA.hasPrefix("\(mandate)  to \(b)  new-in-sweden, skatteverket.id-card  "))
        #expect(byA.hasSuffix("  active  expires soon\n"))
        let byB = try await cli.run(["mandate", "list", "--person", b]).output
        #expect(byB.hasPrefix("\(mandate)  from \(a)  "))

        // Not to oneself, not to someone unknown, not for the past.
        #expect(try await cli.run(["mandate", "grant", "--person", a, "--to", a, "--journey", "new-in-sweden", "--until", Self.day(in: 7)]).status != 0)
        #expect(try await cli.run(["mandate", "grant", "--person", a, "--to", "lp-nobody00000", "--journey", "new-in-sweden", "--until", Self.day(in: 7)])
            .status != 0)
        #expect(try await cli.run(["mandate", "grant", "--person", a, "--to", b, "--journey", "new-in-sweden", "--until", Self.day(in: -2)]).status != 0)

        let byTheWrongPerson = try await cli.run(["mandate", "withdraw", mandate, "--person", b])
        #expect(byTheWrongPerson.status != 0)
        let withdrawn = try await cli.run(["mandate", "withdraw", mandate, "--person", a])
        #expect(withdrawn.output == "Withdrawn: \(mandate) (\(b) no longer acts for \(a)).\n")
        #expect(try await cli.run(["mandate", "list", "--person", a]).output.hasSuffix("  withdrawn\n"))

        for person in [a, b] {
            let journal = try await cli.run(["journal", "--person", person]).output
            #expect(journal.contains("  person  mandateGranted  ") && journal.contains("completed (\(mandate))"))
            #expect(journal.contains("  person  mandateWithdrawn  "))
        }
        let everything = [granted.output, byA, byB, withdrawn.output].joined()
        for number in [OfficialTestNumbers.personnummer, OfficialTestNumbers.leapDayPersonnummer] {
            #expect(!everything.contains(number) && !everything.contains(String(number.dropFirst(2))))
        }
    }
}
