import Foundation
import JourneyAdapters
import JourneyModel
import JourneySandbox
import JourneySQLite
import JourneyStore
import Testing

@testable import JourneyEngine

/// The once-only exchange with nothing faked: the shipped journeys and adapter files, a fresh SQLite file, and the
/// sandbox agencies answering over HTTP on loopback. Every personnummer is one of Skatteverket's official test
/// numbers, which the sandbox seeds (``SandboxSeed``).
struct ExchangeHarness {
    let database: TemporaryDatabase
    let store: SQLiteJourneyStore
    let engine: JourneyEngine
    let exchange: AgencyExchange
    let sandbox: SandboxAgencies
    /// The sandbox's root URL on loopback.
    let root: URL
    let clock: TestClock

    /// An EU citizen who stays at least a year: folkbokföring applies and needs a name and an address.
    static let euNewcomer: [(fact: FactID, text: String)] = [("citizenship", "Germany"), ("stayAtLeastOneYear", "yes"), ("alreadyRegistered", "no"),
        ("movingWithPartner", "no"),
        ("hasChildren", "no")]

    /// Starts the sandbox, runs `body`, and stops the sandbox whatever happens.
    ///
    /// - Parameter endpoints: replacement `timeout`/`retry` lines by agency id, such as
    ///   `["skatteverket": "timeout: 300ms\nretry: { attempts: 1, backoff: 10ms }"]`, for tests of slow agencies
    ///   that must not wait the shipped files' seconds.
    static func with(endpoints: [String: String] = [:], _ body: (ExchangeHarness) async throws -> Void) async throws {
        let sandbox = try SandboxAgencies(statePath: nil)
        let root = try await sandbox.start()
        var adapter: HTTPAgencyAdapter?
        do {
            let library = try library(endpoints: endpoints)
            let database = TemporaryDatabase()
            let store = try database.store()
            let clock = TestClock()
            let engine = JourneyEngine(library: library, store: store, clock: { clock.now })
            let http = HTTPAgencyAdapter(catalog: library.catalog, sandbox: root)
            adapter = http
            let exchange = AgencyExchange(engine: engine, store: store, adapter: http, clock: { clock.now })
            try await body(ExchangeHarness(database: database, store: store, engine: engine, exchange: exchange, sandbox: sandbox, root: root,
                clock: clock))
        } catch {
            await adapter?.shutdown()
            await sandbox.stop()
            throw error
        }
        await adapter?.shutdown()
        await sandbox.stop()
    }

    /// The shipped journeys over the shipped adapter files, with the given agencies' `timeout` and `retry` replaced.
    static func library(endpoints: [String: String]) throws -> JourneyLibrary {
        var agencies: [Agency] = []
        for url in try JourneyLibrary.yamlFiles(in: RealJourneyTests.root.appendingPathComponent("adapters")) {
            let id = url.deletingPathExtension().lastPathComponent
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            if let endpoint = endpoints[id] {
                lines.removeAll { $0.hasPrefix("timeout:") || $0.hasPrefix("retry:") }
                let top = try #require(lines.firstIndex { $0.hasPrefix("agency:") })
                lines.insert(endpoint, at: top + 1)
            }
            let loaded = AgencyFileLoader.load(lines.joined(separator: "\n"), file: url.lastPathComponent)
            #expect(!loaded.diagnostics.hasErrors, "\(id): \(loaded.diagnostics)")
            agencies.append(try #require(loaded.agency))
        }
        let catalog = AgencyCatalog(agencies: agencies)
        var journeys: [Journey] = []
        var sources: [JourneyID: String] = [:]
        for url in try JourneyLibrary.yamlFiles(in: RealJourneyTests.root.appendingPathComponent("journeys")) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let loaded = JourneyLoader.load(text, file: url.lastPathComponent, catalog: catalog)
            #expect(!loaded.diagnostics.hasErrors, "\(url.lastPathComponent): \(loaded.diagnostics)")
            let journey = try #require(loaded.journey)
            journeys.append(journey)
            sources[journey.id] = text
        }
        return JourneyLibrary(catalog: catalog, journeys: journeys, sources: sources)
    }

    // MARK: People and plans

    /// What an eID login yields, as the engine receives it (the login itself is tested in JourneySandboxTests).
    static let login = IdentityProof(method: .eid, issuer: "https://idp.test", assurance: "http://id.elegnamnden.se/loa/1.0/loa3",
        provenAt: Date(timeIntervalSince1970: 1_767_225_600))

    /// Enrolls a person (by one of the official test numbers, or as a newcomer) and records their answers. A number
    /// is proven as by an eID login unless `proven` is false: once-only runs only for a proven identity.
    func enroll(_ number: String?, in journey: JourneyID = "new-in-sweden", answers: [(fact: FactID, text: String)] = [], proven: Bool = true)
        async throws -> PersonID
    {
        let reference: PersonReference = try number.map { .identity(try Personnummer(parsing: $0)) } ?? .new
        let person = try await engine.enroll(reference, in: journey).enrollment.person
        if proven, case .identity(let identity) = reference {
            _ = try await engine.prove(ProvenIdentity(number: identity, proof: Self.login), person: person)
        }
        if !answers.isEmpty { _ = try await engine.answer(person: person, journey: journey, answers: answers) }
        return person
    }

    func view(_ person: PersonID, _ journey: JourneyID = "new-in-sweden") async throws -> EnrollmentView {
        try #require(try await engine.overview(.id(person)).enrollments.first { $0.journey.id == journey })
    }

    func status(of step: StepID, _ person: PersonID, _ journey: JourneyID = "new-in-sweden") async throws -> StepStatus {
        try #require(try await view(person, journey).plan.status(of: step))
    }

    func facts(of person: PersonID) async throws -> [FactID: KnownFact] { try await engine.overview(.id(person)).facts }

    /// Marks steps done as the person would, in order.
    func complete(_ steps: [StepID], _ person: PersonID, _ journey: JourneyID = "new-in-sweden") async throws {
        for step in steps { _ = try await engine.apply(.complete, step: step, person: person, journey: journey) }
    }

    // MARK: The exchange

    /// The one lookup offered now.
    func onlyOffer(_ person: PersonID, _ journey: JourneyID = "new-in-sweden") async throws -> LookupOffer {
        let offers = try await exchange.lookupOffers(person: person, journey: journey)
        #expect(offers.count == 1, "offers: \(offers.map(\.service.id))")
        return try #require(offers.first)
    }

    /// An EU newcomer with Tolvan's number whose name and address were fetched from Skatteverket.
    func registeredNewcomer() async throws -> PersonID {
        let person = try await enroll(SandboxSeed.registeredPerson, answers: Self.euNewcomer)
        let outcome = try await exchange.fetch(try onlyOffer(person), for: person, decision: .granted)
        #expect(outcome == .recorded(["fullName", "address"]))
        return person
    }

    /// Sends the application of `step` with the person's consent and returns the case id.
    func submit(_ step: StepID, _ person: PersonID, _ journey: JourneyID = "new-in-sweden") async throws -> String {
        let offer = try await exchange.submissionOffer(step: step, person: person, journey: journey)
        let outcome = try await exchange.submit(offer, for: person, decision: .granted)
        guard case .submitted(let caseID) = outcome else {
            Issue.record("expected a submitted case, got \(outcome)")
            throw EngineError(.invalidTransition, "not submitted")
        }
        return caseID
    }

    /// The person's only submission.
    func onlySubmission(_ person: PersonID) async throws -> Submission {
        let submissions = try await store.submissions(person: person)
        #expect(submissions.count == 1)
        return try #require(submissions.first)
    }

    /// The sandbox's cases for one `agency.service`.
    func cases(_ service: ServiceID) async throws -> [SandboxCaseSummary] {
        try await sandbox.cases().filter { ServiceID(agency: AgencyID($0.agency), name: $0.service) == service }
    }

    /// The journal entries about one step (or about the journey itself, for `nil`), as (action, outcome) pairs.
    func journal(_ person: PersonID, step: StepID?) async throws -> [AccessEntry] {
        try await exchange.journal(of: person).filter { $0.step == step }
    }

    /// Checks that nothing in the person's journal is personal data: field names, case ids, error codes and
    /// consent ids only, never a name, an address or a number from the sandbox's records.
    func expectJournalHoldsNoPersonalData(_ person: PersonID, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let forbidden = ["Tolvan", "Testgatan", "Exempelstad", "Lillen", "Testa", "Testbolaget"]
            + [SandboxSeed.registeredPerson, SandboxSeed.child, SandboxSeed.ambiguousPerson, SandboxSeed.unknownPerson,
                SandboxSeed.coordinationNumberPerson].flatMap { [$0, String($0.dropFirst(2))] }
        for entry in try await exchange.journal(of: person) {
            let text = ([entry.detail ?? ""] + entry.fields.map(\.rawValue)).joined(separator: " ")
            for word in forbidden {
                #expect(!text.contains(word), "journal entry \(entry.sequence) holds '\(word)'", sourceLocation: sourceLocation)
            }
        }
    }
}

/// An error message a person reads names the agency and holds none of their data.
func expectNoPersonalData(in error: EngineError, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = error.description
    for word in ["Tolvan", "Testgatan", SandboxSeed.registeredPerson, String(SandboxSeed.registeredPerson.dropFirst(2))] {
        #expect(!text.contains(word), "'\(text)' holds '\(word)'", sourceLocation: sourceLocation)
    }
}
