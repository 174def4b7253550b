import Foundation
import JourneyModel
import JourneyStore
import Synchronization

/// A store that times every call of the one it wraps, counts its failures by ``StorageError/Code`` and counts the
/// journey events that were written, into ``APIMetrics``; everything else is forwarded unchanged. `lotsen serve`
/// hands it to the engine and the API alike, so a transition is counted whichever way it came.
public final class MeasuredStore: LotsenStore {
    /// The store calls, as labelled in `lotsen_store_operation_duration_seconds` and `lotsen_store_errors_total`.
    public enum Operation: String, Sendable, CaseIterable {
        case person, personByIdentity, transact, transactCreating, commit, snapshot, events, enrollment, pinDefinition, definitionSource
        case recordConsent, consents, withdrawConsent, appendJournal, journal, journalPage, verifyJournal, recordIntent, recordOutcome, submissions
        case pendingSubmissions, claimPendingSubmissions
        case agencyEvent, pendingAgencyEvents, snapshotContaining, peopleWithReachablePendingEvents, commitAgencyEvents
        case unmatchedAgencyEvent, keepUnmatchedAgencyEvent, unmatchedAgencyEvents, forgetUnmatchedAgencyEvent, expireAgencyEvents
        case insertToken, token, tokens, revokeToken, staffToken, spendIDToken
        case openWebSession, webSession, touchWebSession, closeWebSession
        case enrollmentPage, countDue, countOpenSteps, countFinishedSteps
        case fireDueTimers, explainDueTimers
        case grantMandate, mandate, mandates, withdrawMandate
        case reminders, markReminderRead, claimReminderDeliveries, recordReminderDelivery
        case lifeEvent, receiveLifeEvent, offers, decideOffer
        case appliedMigrations
    }

    public let base: any LotsenStore
    let metrics: APIMetrics

    public init(_ base: any LotsenStore, metrics: APIMetrics) {
        self.base = base
        self.metrics = metrics
    }

    public var displayName: String { base.displayName }

    public func close() async { await base.close() }

    /// Runs one call of the wrapped store, recording how long it took and, when it failed, its code.
    func measure<Value>(_ operation: Operation, _ call: () async throws(StorageError) -> Value) async throws(StorageError) -> Value {
        let started = ContinuousClock.now
        do {
            let value = try await call()
            metrics.recordStoreCall(operation, duration: ContinuousClock.now - started)
            return value
        } catch {
            metrics.recordStoreCall(operation, duration: ContinuousClock.now - started, failure: error.code)
            throw error
        }
    }

    /// Writes `changes` through `call`, then counts their events.
    private func written(_ operation: Operation, _ changes: [SnapshotChange], _ call: () async throws(StorageError) -> Void)
        async throws(StorageError)
    {
        try await measure(operation, call)
        metrics.recordTransitions(changes.flatMap(\.events))
    }

    /// One transaction whose body decides the events. A store may run the body more than once (a deadlock's
    /// victim is run again), so only the events of the run that committed are counted; a refusal by the body is
    /// timed but is not a store error.
    private final class Transaction: Sendable {
        let operation: Operation
        let metrics: APIMetrics
        let started = ContinuousClock.now
        private let lastRun = Mutex<(events: [JourneyEvent], refused: Bool)>(([], false))

        init(_ operation: Operation, _ metrics: APIMetrics) {
            self.operation = operation
            self.metrics = metrics
        }

        /// Runs the caller's body inside the store's transaction, remembering what it decided.
        func run<Failure: Error>(_ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent], on snapshot: inout PersonSnapshot)
            throws(Failure) -> [JourneyEvent]
        {
            do throws(Failure) {
                let events = try body(&snapshot)
                lastRun.withLock { $0 = (events, false) }
                return events
            } catch {
                lastRun.withLock { $0 = ([], true) }
                throw error
            }
        }

        func committed() {
            metrics.recordStoreCall(operation, duration: ContinuousClock.now - started)
            metrics.recordTransitions(lastRun.withLock { $0.events })
        }

        func failed(_ error: any Error) {
            let refused = lastRun.withLock { $0.refused }
            metrics.recordStoreCall(operation, duration: ContinuousClock.now - started, failure: refused ? nil : (error as? StorageError)?.code)
        }
    }

    // MARK: JourneyStore

    public func person(id: PersonID) async throws(StorageError) -> StoredPerson? {
        try await measure(.person) { () async throws(StorageError) in try await base.person(id: id) }
    }

    public func person(identity: Personnummer) async throws(StorageError) -> StoredPerson? {
        try await measure(.personByIdentity) { () async throws(StorageError) in try await base.person(identity: identity) }
    }

    public func transact<Failure: Error>(person: PersonID, _ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent]) async throws
        -> PersonSnapshot
    {
        let transaction = Transaction(.transact, metrics)
        do {
            let snapshot = try await base.transact(person: person) { (snapshot: inout PersonSnapshot) throws(Failure) -> [JourneyEvent] in
                try transaction.run(body, on: &snapshot)
            }
            transaction.committed()
            return snapshot
        } catch {
            transaction.failed(error)
            throw error
        }
    }

    public func commit(_ changes: [SnapshotChange]) async throws(StorageError) {
        try await written(.commit, changes) { () async throws(StorageError) in try await base.commit(changes) }
    }

    public func transact<Failure: Error>(creating person: StoredPerson, _ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent])
        async throws -> PersonSnapshot
    {
        let transaction = Transaction(.transactCreating, metrics)
        do {
            let snapshot = try await base.transact(creating: person) { (snapshot: inout PersonSnapshot) throws(Failure) -> [JourneyEvent] in
                try transaction.run(body, on: &snapshot)
            }
            transaction.committed()
            return snapshot
        } catch {
            transaction.failed(error)
            throw error
        }
    }

    public func snapshot(person: PersonID) async throws(StorageError) -> PersonSnapshot? {
        try await measure(.snapshot) { () async throws(StorageError) in try await base.snapshot(person: person) }
    }

    public func events(enrollment: EnrollmentID) async throws(StorageError) -> [JourneyEvent] {
        try await measure(.events) { () async throws(StorageError) in try await base.events(enrollment: enrollment) }
    }

    public func enrollment(id: EnrollmentID) async throws(StorageError) -> StoredEnrollment? {
        try await measure(.enrollment) { () async throws(StorageError) in try await base.enrollment(id: id) }
    }

    public func pinDefinition(journey: JourneyID, version: Int, source: String) async throws(StorageError) -> String {
        try await measure(.pinDefinition) { () async throws(StorageError) in
            try await base.pinDefinition(journey: journey, version: version, source: source)
        }
    }

    public func definitionSource(journey: JourneyID, version: Int) async throws(StorageError) -> String? {
        try await measure(.definitionSource) { () async throws(StorageError) in try await base.definitionSource(journey: journey, version: version) }
    }

    /// Not timed: it never fails, and is asked before every change.
    public func health() async -> StoreHealth { await base.health() }

    // MARK: OnceOnlyStore

    public func recordConsent(_ consent: Consent, journal: AccessEntry) async throws(StorageError) {
        try await measure(.recordConsent) { () async throws(StorageError) in try await base.recordConsent(consent, journal: journal) }
    }

    public func consents(person: PersonID) async throws(StorageError) -> [Consent] {
        try await measure(.consents) { () async throws(StorageError) in try await base.consents(person: person) }
    }

    public func withdrawConsent(id: String, person: PersonID, at: Date, actor: JourneyEvent.Actor) async throws(StorageError) -> Consent? {
        try await measure(.withdrawConsent) { () async throws(StorageError) in
            try await base.withdrawConsent(id: id, person: person, at: at, actor: actor)
        }
    }

    public func appendJournal(_ entries: [AccessEntry]) async throws(StorageError) {
        try await measure(.appendJournal) { () async throws(StorageError) in try await base.appendJournal(entries) }
    }

    public func journal(person: PersonID?) async throws(StorageError) -> [AccessEntry] {
        try await measure(.journal) { () async throws(StorageError) in try await base.journal(person: person) }
    }

    public func journal(person: PersonID, after sequence: Int64, limit: Int) async throws(StorageError) -> [AccessEntry] {
        try await measure(.journalPage) { () async throws(StorageError) in try await base.journal(person: person, after: sequence, limit: limit) }
    }

    public func verifyJournal(expectedHead: String?) async throws(StorageError) -> JournalVerification {
        try await measure(.verifyJournal) { () async throws(StorageError) in try await base.verifyJournal(expectedHead: expectedHead) }
    }

    public func recordIntent(_ submission: Submission, journal: AccessEntry) async throws(StorageError) -> Submission {
        try await measure(.recordIntent) { () async throws(StorageError) in try await base.recordIntent(submission, journal: journal) }
    }

    public func recordOutcome(_ submission: Submission, journal: AccessEntry) async throws(StorageError) {
        try await measure(.recordOutcome) { () async throws(StorageError) in try await base.recordOutcome(submission, journal: journal) }
    }

    public func submissions(person: PersonID) async throws(StorageError) -> [Submission] {
        try await measure(.submissions) { () async throws(StorageError) in try await base.submissions(person: person) }
    }

    public func pendingSubmissions() async throws(StorageError) -> [Submission] {
        try await measure(.pendingSubmissions) { () async throws(StorageError) in try await base.pendingSubmissions() }
    }

    public func claimPendingSubmissions(of person: PersonID?, limit: Int, claimant: String, at: Date, lease: Duration) async throws(StorageError)
        -> [Submission]
    {
        try await measure(.claimPendingSubmissions) { () async throws(StorageError) in
            try await base.claimPendingSubmissions(of: person, limit: limit, claimant: claimant, at: at, lease: lease)
        }
    }

    // MARK: AgencyEventStore

    public func agencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> StoredAgencyEvent? {
        try await measure(.agencyEvent) { () async throws(StorageError) in try await base.agencyEvent(agency: agency, messageID: messageID) }
    }

    public func pendingAgencyEvents(person: PersonID) async throws(StorageError) -> [StoredAgencyEvent] {
        try await measure(.pendingAgencyEvents) { () async throws(StorageError) in try await base.pendingAgencyEvents(person: person) }
    }

    public func snapshot(containing enrollment: EnrollmentID) async throws(StorageError)
        -> (snapshot: PersonSnapshot, hasPendingAgencyEvents: Bool)?
    {
        try await measure(.snapshotContaining) { () async throws(StorageError) in try await base.snapshot(containing: enrollment) }
    }

    public func peopleWithReachablePendingEvents(limit: Int) async throws(StorageError) -> [PersonID] {
        try await measure(.peopleWithReachablePendingEvents) { () async throws(StorageError) in
            try await base.peopleWithReachablePendingEvents(limit: limit)
        }
    }

    public func commit(_ changes: [SnapshotChange], received: [StoredAgencyEvent], resolved: [StoredAgencyEvent]) async throws(StorageError) {
        try await written(.commitAgencyEvents, changes) { () async throws(StorageError) in
            try await base.commit(changes, received: received, resolved: resolved)
        }
    }

    public func unmatchedAgencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> UnmatchedAgencyEvent? {
        try await measure(.unmatchedAgencyEvent) { () async throws(StorageError) in try await base.unmatchedAgencyEvent(agency: agency, messageID: messageID) }
    }

    public func keep(unmatched event: UnmatchedAgencyEvent) async throws(StorageError) {
        try await measure(.keepUnmatchedAgencyEvent) { () async throws(StorageError) in try await base.keep(unmatched: event) }
    }

    public func unmatchedAgencyEvents(limit: Int) async throws(StorageError) -> [UnmatchedAgencyEvent] {
        try await measure(.unmatchedAgencyEvents) { () async throws(StorageError) in try await base.unmatchedAgencyEvents(limit: limit) }
    }

    public func forgetUnmatchedAgencyEvent(agency: AgencyID, messageID: String) async throws(StorageError) {
        try await measure(.forgetUnmatchedAgencyEvent) { () async throws(StorageError) in
            try await base.forgetUnmatchedAgencyEvent(agency: agency, messageID: messageID)
        }
    }

    public func expireAgencyEvents(now: Date) async throws(StorageError) -> Int {
        try await measure(.expireAgencyEvents) { () async throws(StorageError) in try await base.expireAgencyEvents(now: now) }
    }

    // MARK: TokenStore

    public func insertToken(_ token: StoredToken, secretHash: String) async throws(StorageError) {
        try await measure(.insertToken) { () async throws(StorageError) in try await base.insertToken(token, secretHash: secretHash) }
    }

    public func token(secretHash: String) async throws(StorageError) -> StoredToken? {
        try await measure(.token) { () async throws(StorageError) in try await base.token(secretHash: secretHash) }
    }

    public func tokens() async throws(StorageError) -> [StoredToken] {
        try await measure(.tokens) { () async throws(StorageError) in try await base.tokens() }
    }

    public func revokeToken(id: String, at: Date) async throws(StorageError) -> StoredToken? {
        try await measure(.revokeToken) { () async throws(StorageError) in try await base.revokeToken(id: id, at: at) }
    }

    public func staffToken(identity: Personnummer, at now: Date) async throws(StorageError) -> (token: StoredToken, secretHash: String)? {
        try await measure(.staffToken) { () async throws(StorageError) in try await base.staffToken(identity: identity, at: now) }
    }

    public func spendIDToken(hash: String, until: Date, at now: Date) async throws(StorageError) -> Bool {
        try await measure(.spendIDToken) { () async throws(StorageError) in try await base.spendIDToken(hash: hash, until: until, at: now) }
    }

    // MARK: EnrollmentListing

    public func enrollmentPage(_ query: EnrollmentQuery, after cursor: EnrollmentCursor?) async throws(StorageError) -> EnrollmentPage {
        try await measure(.enrollmentPage) { () async throws(StorageError) in try await base.enrollmentPage(query, after: cursor) }
    }

    public func countDue(journey: JourneyID, in range: DueRange) async throws(StorageError) -> Int {
        try await measure(.countDue) { () async throws(StorageError) in try await base.countDue(journey: journey, in: range) }
    }

    public func countOpenSteps(journey: JourneyID) async throws(StorageError) -> [OpenStepCount] {
        try await measure(.countOpenSteps) { () async throws(StorageError) in try await base.countOpenSteps(journey: journey) }
    }

    public func countFinishedSteps(journey: JourneyID) async throws(StorageError) -> [FinishedStepCount] {
        try await measure(.countFinishedSteps) { () async throws(StorageError) in try await base.countFinishedSteps(journey: journey) }
    }

    // MARK: TimerStore

    public func fireDueTimers(at now: Date, limit: Int) async throws(StorageError) -> [FiredTimer] {
        try await measure(.fireDueTimers) { () async throws(StorageError) in try await base.fireDueTimers(at: now, limit: limit) }
    }

    public func explainDueTimers() async throws(StorageError) -> String {
        try await measure(.explainDueTimers) { () async throws(StorageError) in try await base.explainDueTimers() }
    }

    // MARK: ReminderStore

    public func reminders(of person: PersonID) async throws(StorageError) -> [Reminder] {
        try await measure(.reminders) { () async throws(StorageError) in try await base.reminders(of: person) }
    }

    public func markReminderRead(_ id: Int64, of person: PersonID, at: Date) async throws(StorageError) -> Reminder? {
        try await measure(.markReminderRead) { () async throws(StorageError) in try await base.markReminderRead(id, of: person, at: at) }
    }

    // MARK: ReminderOutbox

    public func claimReminderDeliveries(limit: Int, claimant: String, at: Date, lease: Duration) async throws(StorageError) -> [ReminderDelivery] {
        try await measure(.claimReminderDeliveries) { () async throws(StorageError) in
            try await base.claimReminderDeliveries(limit: limit, claimant: claimant, at: at, lease: lease)
        }
    }

    public func recordReminderDelivery(_ id: Int64, claimant: String, outcome: ReminderDeliveryOutcome, at: Date) async throws(StorageError) -> Bool {
        try await measure(.recordReminderDelivery) { () async throws(StorageError) in
            try await base.recordReminderDelivery(id, claimant: claimant, outcome: outcome, at: at)
        }
    }

    // MARK: OfferStore

    public func lifeEvent(agency: AgencyID, messageID: String) async throws(StorageError) -> ReceivedLifeEvent? {
        try await measure(.lifeEvent) { () async throws(StorageError) in try await base.lifeEvent(agency: agency, messageID: messageID) }
    }

    public func receive(_ event: ReceivedLifeEvent, offers: [Offer]) async throws(StorageError) -> [Offer] {
        try await measure(.receiveLifeEvent) { () async throws(StorageError) in try await base.receive(event, offers: offers) }
    }

    public func offers(of person: PersonID) async throws(StorageError) -> [Offer] {
        try await measure(.offers) { () async throws(StorageError) in try await base.offers(of: person) }
    }

    public func decideOffer(_ id: Int64, of person: PersonID, _ decision: Offer.Status, enrollment: EnrollmentID?, at: Date) async throws(StorageError)
        -> Offer?
    {
        try await measure(.decideOffer) { () async throws(StorageError) in
            try await base.decideOffer(id, of: person, decision, enrollment: enrollment, at: at)
        }
    }

    // MARK: LotsenStore

    public func appliedMigrations() async throws(StorageError) -> [String] {
        try await measure(.appliedMigrations) { () async throws(StorageError) in try await base.appliedMigrations() }
    }
}
