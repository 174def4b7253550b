import Foundation
import JourneyModel
import JourneyStore

/// The once-only exchange with agencies: fetching what an agency already knows, sending applications, and
/// following their cases, always with the person's consent and always journaled.
///
/// No agency is ever called inside a database transaction: each call is preceded by a journaled intent and
/// followed by a journaled outcome, and applications go through the submission outbox with an idempotency key,
/// so a crash at any point is finished by ``resumePendingSubmissions(actor:)`` without opening two cases.
public final class AgencyExchange: Sendable {
    public let engine: JourneyEngine
    let store: any OnceOnlyStore
    let adapter: any AgencyAdapter
    let clock: @Sendable () -> Date
    /// Who this exchange is when it claims pending submissions: the host, the process and a random part.
    let claimant: String
    /// How long a claim on a pending submission holds: longer than the slowest agency call with its retries.
    static let claimLease = Duration.seconds(600)

    public init(engine: JourneyEngine, store: any OnceOnlyStore, adapter: any AgencyAdapter, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.engine = engine
        self.store = store
        self.adapter = adapter
        self.clock = clock
        self.claimant = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(ReferenceGenerator.random())"
    }

    var catalog: AgencyCatalog { engine.library.catalog }

    /// The population register's custody record, read through this exchange's adapter.
    public var custody: CustodyRegister { CustodyRegister(adapter: adapter) }

    /// The person's consents, oldest first.
    public func consents(of person: PersonID) async throws(EngineError) -> [Consent] {
        try await ConsentBook(store: store, clock: clock).consents(of: person)
    }

    /// Withdraws a consent: later exchanges in its scope are asked again. Journaled.
    public func withdrawConsent(_ id: String, of person: PersonID, actor: JourneyEvent.Actor = .person) async throws(EngineError) -> Consent {
        try await ConsentBook(store: store, clock: clock).withdraw(id, of: person, actor: actor)
    }

    /// The person's applications sent (or being sent) through Lotsen, oldest first.
    public func submissions(of person: PersonID) async throws(EngineError) -> [Submission] {
        try await storage { () async throws(StorageError) in try await store.submissions(person: person) }
    }

    /// Everything read or sent about the person, oldest first.
    public func journal(of person: PersonID) async throws(EngineError) -> [AccessEntry] {
        try await storage { () async throws(StorageError) in try await store.journal(person: person) }
    }

    // MARK: Shared parts

    func entry(_ person: PersonID, _ actor: JourneyEvent.Actor, _ purpose: CallPurpose, _ service: ServiceID, _ action: AccessEntry.Action,
        _ fields: [FactID], _ outcome: AccessEntry.Outcome, detail: String? = nil) -> AccessEntry
    {
        AccessEntry(at: clock(), person: person, actor: actor, journey: purpose.journey, step: purpose.step, service: service, action: action,
            fields: fields, outcome: outcome, detail: detail)
    }

    func journal(_ entries: AccessEntry...) async throws(EngineError) {
        try await storage { () async throws(StorageError) in try await store.appendJournal(entries) }
    }

    /// Records the person's decision, journaled, and returns whether they said yes.
    func decide(_ decision: Consent.Decision, person: PersonID, purpose: CallPurpose, service: ServiceID, direction: Consent.Direction,
        fields: [FactID], actor: JourneyEvent.Actor) async throws(EngineError)
    {
        let consent = Consent(person: person, journey: purpose.journey, step: purpose.step, service: service, direction: direction, fields: fields,
            decision: decision, decidedAt: clock())
        let action: AccessEntry.Action = decision == .granted ? .consentGranted : .consentRefused
        try await storage { () async throws(StorageError) in
            try await store.recordConsent(consent, journal: entry(person, actor, purpose, service, action, fields, .completed, detail: consent.id))
        }
    }

    /// An agency failure as the person reads it: which agency, what happened, and what to do; no personal data.
    func failure(_ error: AgencyError, agency: Agency, retrying: Bool) -> EngineError {
        let name = agency.name.en
        let what: String =
            switch error.code {
            case .timeout: "\(name) did not answer in time"
            case .unreachable: "\(name) cannot be reached"
            case .rejected(let status) where status >= 500: "\(name) had a problem (\(status))"
            case .rejected(let status): "\(name) refused the request (\(status))"
            case .malformedResponse: "\(name) sent an answer Lotsen cannot read"
            case .notConfigured: "Lotsen cannot call \(name): \(error.message)"
            }
        let hint =
            retrying ? "Lotsen keeps the request and tries again: run 'lotsen sync' later" : error.isRetryable ? "try again later" : "tell the agency or your administrator"
        return EngineError(error.isRetryable ? .agencyFailed : .agencyRefused, what, hint: hint)
    }

    func agency(of service: ServiceID) throws(EngineError) -> Agency {
        guard let agency = catalog.agency(service.agency) else { throw EngineError(.unknownStep, "no adapter file for the agency of '\(service)'") }
        return agency
    }
}
