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

    /// A script that logs in, picks the child and answers the first question, then does `midway` to the sandbox before
    /// answering the second.
    static func endingMidway(_ box: SandboxBox, _ midway: @escaping (SandboxAgencies) throws -> Void) -> ScriptedTerminal {
        var queue = ["1", "1", "1", "Norway"][...]
        return ScriptedTerminal { _, _ in
            if let next = queue.popFirst() { return .line(next) }
            guard let sandbox = box.sandbox, !box.done else { return .end }
            box.done = true
            try? midway(sandbox)
            return .line("yes")
        }
    }

    /// The running sandbox, for a script to change in the middle of a conversation.
    final class SandboxBox: @unchecked Sendable {
        var sandbox: SandboxAgencies?
        var done = false
    }

    @Test("custody that ends during the conversation stops it before the next change: nothing more is saved for the child")
    func custodyEndingMidwayStops() async throws {
        let fixture = try GuideFixture()
        let box = SandboxBox()
        let terminal = Self.endingMidway(box) { sandbox in
            sandbox.setCustody(false, guardian: try Personnummer(parsing: SandboxSeed.registeredPerson), child: try Personnummer(parsing: SandboxSeed.child))
        }
        let outcome = try await Self.converse(terminal, fixture, language: .en, person: SandboxSeed.registeredPerson) { box.sandbox = $0 }
        #expect(outcome == .finished)
        #expect(terminal.printed.contains("The population register no longer shows your custody of this child"))
        let child = try await fixture.engine.person(.identity(try Personnummer(parsing: SandboxSeed.child)))
        let facts = try await fixture.engine.overview(.id(child.id)).facts
        #expect(facts["citizenship"] != nil && facts.count == 1 + (facts["personnummer"] == nil ? 0 : 1), "only the answer before the end was saved")
    }

    @Test("a register that stops answering during the conversation stops it too, saying so: never let through")
    func registerGoneMidwayStops() async throws {
        let fixture = try GuideFixture()
        let box = SandboxBox()
        let terminal = Self.endingMidway(box) { sandbox in
            try sandbox.setBehaviour(SandboxBehaviour(failNext: 100), agency: "skatteverket", service: "custody-record")
        }
        let outcome = try await Self.converse(terminal, fixture, language: .en, person: SandboxSeed.registeredPerson) { box.sandbox = $0 }
        #expect(outcome == .finished)
        #expect(terminal.printed.contains("The population register could not be asked whether you still have custody"))
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
