import Foundation
import JourneyModel
import JourneyStore
import Logging
import PostgresNIO

/// The store for deployments that outgrow one machine: several stateless `lotsen serve` nodes on one PostgreSQL,
/// through a postgres-nio connection pool. Every public method is one transaction (or one statement).
///
/// Concurrency between nodes rests on the database: ``transact(person:_:)`` holds the person's row
/// (`SELECT … FOR UPDATE`) from loading the snapshot to writing it, so one person's writers run one after the other
/// wherever they are; ``commit(_:)`` guards each enrollment with its revision; agency events are deduplicated by a
/// unique constraint; journal appenders take the journal's table lock, so the hash chain has one order.
///
/// Open it with ``open(_:maximumConnections:logger:)`` and ``close()`` it when done: the store owns the task that
/// runs its pool.
public final class PostgresJourneyStore: JourneyStore, Sendable {
    let client: PostgresClient
    private let runner: Task<Void, Never>
    /// Where the database is; its description never shows the password.
    public let location: PostgresLocation
    let logger: Logger
    /// How long a call waits for a pooled connection before it fails as ``StorageError/Code/busy``.
    let leaseTimeout: Duration
    /// The deadlines of calls waiting for a connection; ``runner`` watches them.
    let leaseDeadlines: LeaseDeadlines
    /// The last answer of ``health()``, kept for a moment.
    let healthMemo = HealthMemo()

    private init(client: PostgresClient, runner: Task<Void, Never>, leaseDeadlines: LeaseDeadlines, location: PostgresLocation, logger: Logger,
        leaseTimeout: Duration)
    {
        self.client = client
        self.leaseDeadlines = leaseDeadlines
        self.runner = runner
        self.location = location
        self.logger = logger
        self.leaseTimeout = leaseTimeout
    }

    /// Connects to the database at `location`, applies every migration not yet applied (one node at a time), and
    /// starts a pool of at most `maximumConnections`. Fails with ``StorageError/Code/cannotOpen`` for a wrong
    /// password, a missing database or a database a newer Lotsen wrote, ``StorageError/Code/busy`` when the server
    /// cannot be reached. Later calls that find no free connection within `leaseTimeout` fail as busy.
    public static func open(_ location: PostgresLocation, maximumConnections: Int = 10, keepsConnectionsOpen: Bool = false,
        leaseTimeout: Duration = .seconds(15), logger: Logger = Logger(label: "lotsen.postgres")) async throws(StorageError) -> PostgresJourneyStore
    {
        do {
            // One connection of its own first: it reports a refused login or a missing database at once, where the
            // pool would keep retrying in the background, and it migrates before the pool serves anything.
            let connection = try await PostgresConnection.connect(configuration: location.connectionConfiguration(), id: 0, logger: logger)
            do {
                try await PostgresSchema.migrate(connection, logger: logger, at: location)
                try? await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw PostgresErrors.storageError(error, at: location)
        }
        let client = PostgresClient(configuration: location.clientConfiguration(maximumConnections: maximumConnections, keepsConnectionsOpen: keepsConnectionsOpen), backgroundLogger: logger)
        let leaseDeadlines = LeaseDeadlines()
        // Started at once, not later on the executor: a call leasing a connection before `run()` began would wait
        // for it, and postgres-nio warns about each such call in every command's output.
        let runner = Task.immediate {
            await withDiscardingTaskGroup { group in
                group.addTask { await leaseDeadlines.watch() }
                await client.run()
                group.cancelAll()
            }
        }
        return PostgresJourneyStore(client: client, runner: runner, leaseDeadlines: leaseDeadlines, location: location, logger: logger,
            leaseTimeout: leaseTimeout)
    }

    /// Stops the pool and closes its connections; calls after this fail. Waits until the pool has shut down.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    deinit {
        // A store dropped without close() still lets its pool go.
        runner.cancel()
    }

    /// The names of the migrations applied to this database, oldest first.
    public func appliedMigrations() async throws(StorageError) -> [String] {
        let names = try await read { db in try await db.rows("SELECT name FROM schema_migration").map { try $0.decode(String.self) } }
        // In the schema's own order, which clocks of different nodes cannot disturb.
        let order = Dictionary(uniqueKeysWithValues: PostgresSchema.migrations.enumerated().map { ($1.name, $0) })
        return names.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
    }

    // MARK: People

    /// Creates a person with no enrollment: for tests and tools that need a bare record. People are otherwise
    /// created by ``transact(creating:_:)``, with their first enrollment.
    public func createPerson(id: PersonID, identity: Personnummer?, at: Date) async throws(StorageError) -> StoredPerson {
        let person = StoredPerson(id: id, identity: identity, createdAt: at)
        try await write { db in try await Self.insert(person, db) }
        return person
    }

    public func person(id: PersonID) async throws(StorageError) -> StoredPerson? {
        try await read { db in try await Self.fetchPerson(db, id: id, lock: false) }
    }

    public func person(identity: Personnummer) async throws(StorageError) -> StoredPerson? {
        try await read { db in try await Self.fetchPerson(db, identity: identity) }
    }

    static func insert(_ person: StoredPerson, _ db: Session) async throws {
        try await db.exec(
            "INSERT INTO person (id, identity_number, identity_proof, created_at) VALUES (\(person.id.rawValue), \(person.identity?.twelveDigits), \(person.proof?.storedText), \(person.createdAt.storedSeconds))"
        )
    }

    // MARK: Snapshots and transitions

    public func snapshot(person: PersonID) async throws(StorageError) -> PersonSnapshot? {
        try await read { db in try await Self.loadSnapshot(db, person: person, lock: false) }
    }

    public func transact<Failure: Error>(person: PersonID, _ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent]) async throws
        -> PersonSnapshot
    {
        try await transact(body) { db in
            // The row lock is what serialises this person's writers across nodes, facts and identity included.
            guard let before = try await Self.loadSnapshot(db, person: person, lock: true) else {
                throw StorageError(.notFound, "no person with reference \(person)")
            }
            return before
        }
    }

    public func transact<Failure: Error>(creating person: StoredPerson, _ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent])
        async throws -> PersonSnapshot
    {
        try await transact(body) { db in
            try await Self.insert(person, db)
            return PersonSnapshot(person: person, facts: [:], enrollments: [])
        }
    }

    /// One write transaction: `start` gives the snapshot as it stands, `body` changes it, the difference is saved.
    /// The body's own error comes out unchanged; database errors become ``StorageError``s.
    private func transact<Failure: Error>(_ body: @Sendable (inout PersonSnapshot) throws(Failure) -> [JourneyEvent],
        start: (Session) async throws -> PersonSnapshot) async throws -> PersonSnapshot
    {
        do {
            return try await transaction { db in
                let before = try await start(db)
                var after = before
                let events: [JourneyEvent]
                do { events = try body(&after) } catch { throw RefusedByBody(error: error) }
                try await Self.save(db, from: before, to: after, events: events)
                return after
            }
        } catch let refused as RefusedByBody {
            throw refused.error
        } catch {
            throw PostgresErrors.storageError(error, at: location)
        }
    }

    public func commit(_ changes: [SnapshotChange]) async throws(StorageError) {
        try await write { db in try await Self.save(db, changes) }
    }

    // MARK: History

    public func events(enrollment: EnrollmentID) async throws(StorageError) -> [JourneyEvent] {
        try await read { db in
            try await db.rows("""
                SELECT v.sequence, v.at, v.actor, v.kind, v.step_id, v.fact_id, v.detail, v.representative_id, v.mandate_id
                FROM event v JOIN enrollment e ON e.key = v.enrollment_key WHERE e.id = \(enrollment.rawValue) ORDER BY v.sequence
                """
            ).map { row in
                let (sequence, at, actor, kind, step, fact, detail, representative, mandate) = try row.decode(
                    (Int64, Double, String, String, String?, String?, String?, String?, String?).self)
                guard let actor = JourneyEvent.Actor(rawValue: actor), let kind = JourneyEvent.Kind(rawValue: kind) else {
                    throw StorageError(.corrupt, "an event of enrollment \(enrollment) cannot be read")
                }
                return JourneyEvent(sequence: sequence, enrollment: enrollment, at: Date(storedSeconds: at), actor: actor, kind: kind,
                    step: step.map(StepID.init), fact: fact.map(FactID.init), detail: detail,
                    representation: try Representation.stored(representative: representative, mandate: mandate))
            }
        }
    }

    public func enrollment(id: EnrollmentID) async throws(StorageError) -> StoredEnrollment? {
        try await read { db in try await Self.fetchEnrollment(db, id: id) }
    }

    // MARK: Definitions

    public func pinDefinition(journey: JourneyID, version: Int, source: String) async throws(StorageError) -> String {
        try await write { db in
            try await db.exec(
                "INSERT INTO definition (journey_id, version, source) VALUES (\(journey.rawValue), \(version), \(source)) ON CONFLICT DO NOTHING")
            return try await db.rows("SELECT source FROM definition WHERE journey_id = \(journey.rawValue) AND version = \(version)")
                .first?.decode(String.self) ?? source
        }
    }

    public func definitionSource(journey: JourneyID, version: Int) async throws(StorageError) -> String? {
        try await read { db in
            try await db.rows("SELECT source FROM definition WHERE journey_id = \(journey.rawValue) AND version = \(version)").first?.decode(String.self)
        }
    }
}

/// A transition body's own error, carried out of the transaction so that it comes out unchanged.
private struct RefusedByBody: Error {
    let error: any Error
}
