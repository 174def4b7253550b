import Foundation
import JourneyAdapters
import JourneyEngine
import JourneyGuide
import JourneyModel
import JourneySandbox
import JourneyStore
import Testing

/// A parent acts for their child in the guide: they log in with e-legitimation at the sandbox provider, the sandbox's
/// population register (over HTTP on loopback) says which children they have custody of, and every screen after
/// the choice says that they act for the child.
@Suite("Guide: a guardian acts for their child")
struct GuideGuardianTests {
    /// Runs one `--as-guardian` conversation as `person`, with the sandbox's agencies and identity provider.
    static func converse(_ terminal: ScriptedTerminal, _ fixture: GuideFixture, language: Language, person: String,
        prepare: (SandboxAgencies) throws -> Void = { _ in }) async throws -> GuideSession.Outcome
    {
        let sandbox = try SandboxAgencies(statePath: nil)
        let root = try await sandbox.start()
        sandbox.approveLogins(automatically: true)
        try prepare(sandbox)
        let adapter = HTTPAgencyAdapter(catalog: GuideFixture.library.catalog, sandbox: root, environment: [:])
        let exchange = AgencyExchange(engine: fixture.engine, store: fixture.store, adapter: adapter)
        let client = SandboxAgencies.identityClient
        let identity = OIDCIdentityProvider(OIDCConfiguration(issuer: try #require(sandbox.identityIssuer), clientID: client.id, clientSecret: client.secret))
        let session = GuideSession(engine: fixture.engine, terminal: terminal, language: language, journey: "new-in-sweden", person: person,
            exchange: exchange, identity: identity, practice: true, asGuardian: true)
        let outcome = await session.run()
        await identity.shutdown()
        await adapter.shutdown()
        await sandbox.stop()
        return outcome
    }

    @Test("the parent logs in, picks their child, and every screen says they act for the child; each change is recorded as the guardian's",
        arguments: Language.authoring)
    func parentActsForChild(language: Language) async throws {
        let fixture = try GuideFixture()
        let terminal = ScriptedTerminal(["1", "1",  // log in with e-legitimation → I have approved
            "1",  // your child born 2019-01-01
            language == .sv ? "Norge" : "Norway", language == .sv ? "ja" : "yes", "q"])
        let outcome = try await Self.converse(terminal, fixture, language: language, person: SandboxSeed.registeredPerson)
        #expect(outcome == .finished)
        #expect(terminal.remaining() == 0)
        try Golden.check(GuideOnceOnlyTests.stable(terminal.transcript), "guardian-\(language).txt")
        #expect(!terminal.printed.contains("2391"), "the child's number is never shown")

        let guardian = try await fixture.engine.person(.identity(try Personnummer(parsing: SandboxSeed.registeredPerson)))
        let child = try await fixture.engine.person(.identity(try Personnummer(parsing: SandboxSeed.child)))
        #expect(child.proof?.method == .agencyOfRecord, "the register's answer proves the child's number")
        let view = try await fixture.view(.id(child.id), "new-in-sweden")
        let events = try await fixture.store.events(enrollment: view.enrollment.id)
        #expect(events.contains { $0.kind == .factRecorded })
        #expect(events.allSatisfy { $0.representation == .guardian(guardian.id) })
        #expect(try await fixture.engine.overview(.id(guardian.id)).enrollments.isEmpty, "nothing was started for the parent")
    }

    @Test("someone the register shows with no child in their custody is told so and goes on for themself")
    func noChildMeansForYourself() async throws {
        let fixture = try GuideFixture()
        let terminal = ScriptedTerminal(["1", "1", "q"])
        let outcome = try await Self.converse(terminal, fixture, language: .en, person: SandboxSeed.coordinationNumberPerson)
        #expect(outcome == .finished)
        #expect(terminal.printed.contains("The population register shows no child under 18 in your custody"))
        #expect(!terminal.printed.contains("You are acting for your child"))
    }

    @Test("custody the register no longer shows is never offered: the parent goes on for themself")
    func endedCustodyIsNotOffered() async throws {
        let fixture = try GuideFixture()
        let terminal = ScriptedTerminal(["1", "1", "q"])
        let outcome = try await Self.converse(terminal, fixture, language: .en, person: SandboxSeed.registeredPerson) { sandbox in
            sandbox.setCustody(false, guardian: try Personnummer(parsing: SandboxSeed.registeredPerson), child: try Personnummer(parsing: SandboxSeed.child))
        }
        #expect(outcome == .finished)
        #expect(terminal.printed.contains("The population register shows no child under 18 in your custody"))
    }
}
