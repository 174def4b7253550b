import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO
import Testing

@testable import JourneyPostgres

/// What only the PostgreSQL store has: several nodes starting at once, deadlocks, and what an operator sees
/// when the server, the database or the login is wrong.
@Suite("PostgreSQL store: nodes, deadlocks and errors")
struct PostgresStoreTests {
    @Test("nodes opening a new database at the same moment migrate it once")
    func concurrentOpensMigrateOnce() async throws {
        try await withDatabase(.postgres) { database, _ in
            // The first store already migrated; drop its work to start again from an empty database.
            try await database.execute("DROP TABLE step_duration, offer, life_event, spent_id_token, web_session, reminder, mandate, timer, fact_claim, unmatched_agency_event, agency_event, api_token, access_journal, submission, consent, event, fact, open_step, "
                + "enrollment, definition, person, schema_migration")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { _ = try await database.open() } }
                try await group.waitForAll()
            }
            #expect(try await database.count("schema_migration") == MigrationContractTests.shipped(.postgres).count)
        }
    }

    @Test("a transaction chosen as a deadlock's victim is run again inside the store, and the commit lands")
    func deadlockIsRetried() async throws {
        try await withDatabase(.postgres) { database, store in
            let one = try await store.newEnrolledPerson("p-1", enrollment: .fixture("e-1", person: "p-1"))
            let two = try await store.newEnrolledPerson("p-2", enrollment: .fixture("e-2", person: "p-2"))
            func handedOver(_ before: PersonSnapshot) -> SnapshotChange {
                var after = before
                after.enrollments[0].ball = .agency
                after.enrollments[0].revision += 1
                return SnapshotChange(before: before, after: after, events: [])
            }
            // Another session holds p-2 and will ask for p-1 while the store, holding p-1, waits for p-2. It waits
            // longer before checking for deadlocks (5 s against the default 1 s), so the store's session is the victim.
            let outsider = try await PostgresConnection.connect(configuration: try #require(database.location).connectionConfiguration(), id: 9,
                logger: TestDatabase.logger)
            for statement: PostgresQuery in ["SET deadlock_timeout = '5s'", "BEGIN", "SELECT id FROM person WHERE id = 'p-2' FOR UPDATE"] {
                _ = try await outsider.query(statement, logger: TestDatabase.logger).collect()
            }
            async let committed: Void = store.commit([handedOver(one), handedOver(two)])
            try await Task.sleep(for: .milliseconds(300))
            _ = try await outsider.query("SELECT id FROM person WHERE id = 'p-1' FOR UPDATE", logger: TestDatabase.logger).collect()
            _ = try await outsider.query("COMMIT", logger: TestDatabase.logger).collect()
            try await outsider.close()
            try await committed

            #expect(try await store.enrollment(id: "e-1")?.ball == .agency)
            #expect(try await store.enrollment(id: "e-2")?.ball == .agency)
        }
    }

    @Test("a call that finds no free connection within the lease timeout is busy, and the pool serves the next one")
    func leaseTimeoutIsBusy() async throws {
        try await withDatabase(.postgres) { database, _ in
            let store = try await PostgresJourneyStore.open(try #require(database.location), maximumConnections: 1, keepsConnectionsOpen: true,
                leaseTimeout: .seconds(2), logger: TestDatabase.logger)
            // The pool's one connection is open first: on a loaded machine connecting alone can take longer than the lease.
            let connecting = ContinuousClock.now + .seconds(30)
            while true {
                do {
                    _ = try await store.person(id: "nobody")
                    break
                } catch let error as StorageError where error.code == .busy && ContinuousClock.now < connecting {}
            }
            // Then it is busy for 6 s; without a deadline the read below would wait for it and succeed. The lease timeout
            // is long enough for the holding read to get the idle connection on a loaded machine, and far shorter than the hold.
            let (leased, lease) = AsyncStream.makeStream(of: Void.self)
            async let holding: Void = store.read { db in
                lease.yield()
                try await db.exec("SELECT pg_sleep(6)")
            }
            for await _ in leased { break }
            let refused = await #expect(throws: StorageError.self) { _ = try await store.person(id: "nobody") }
            #expect(refused?.code == .busy)
            try await holding
            #expect(try await store.person(id: "nobody") == nil)
            await store.close()
        }
    }

    @Test("a missing database cannot be opened, and the message names server and database but never the password")
    func missingDatabase() async throws {
        try await withDatabase(.postgres) { database, _ in
            let location = try #require(database.location)
            let missing = PostgresLocation(host: location.host, port: location.port, user: location.user, password: "not-this-secret",
                database: "lotsen_no_such_database", tls: location.tls)
            let error = try await #require(throws: StorageError.self) { _ = try await PostgresJourneyStore.open(missing) }
            #expect(error.code == .cannotOpen)
            #expect(error.message.contains("lotsen_no_such_database") && error.message.contains(location.host))
            #expect(!error.description.contains("not-this-secret"))
            #expect(!missing.description.contains("not-this-secret") && !String(reflecting: missing).contains("not-this-secret"))
        }
    }

    @Test("an unknown user cannot log in: cannotOpen, with a hint")
    func unknownUser() async throws {
        try await withDatabase(.postgres) { database, _ in
            let location = try #require(database.location)
            let stranger = PostgresLocation(host: location.host, port: location.port, user: "lotsen_no_such_user", password: nil,
                database: location.database, tls: location.tls)
            let error = try await #require(throws: StorageError.self) { _ = try await PostgresJourneyStore.open(stranger) }
            #expect(error.code == .cannotOpen)
            #expect(error.hint != nil)
        }
    }

    @Test("a server nobody listens on is busy, naming where it was looked for")
    func unreachableServer() async throws {
        let nowhere = PostgresLocation(host: "127.0.0.1", port: 1, user: "postgres", password: nil, database: "lotsen")
        let error = try await #require(throws: StorageError.self) { _ = try await PostgresJourneyStore.open(nowhere) }
        #expect(error.code == .busy)
        #expect(error.message.contains("127.0.0.1:1") && error.message.contains("lotsen"))
    }
}

@Suite("PostgreSQL locations")
struct PostgresLocationTests {
    @Test("a URL gives user, password, host, port and database; the description hides the password")
    func parsesURL() throws {
        let location = try PostgresLocation(url: "postgres://lotsen:s%40cret@db.example.org:6543/journeys?sslmode=require", environment: [:])
        #expect(location == PostgresLocation(host: "db.example.org", port: 6543, user: "lotsen", password: "s@cret", database: "journeys", tls: .require))
        #expect(location.description == "postgres://lotsen@db.example.org:6543/journeys")
        #expect(!"\(location)".contains("cret") && !String(reflecting: location).contains("cret"))
    }

    @Test("postgresql:// works too; defaults come from the environment, PGPASSWORD included")
    func defaults() throws {
        let location = try PostgresLocation(url: "postgresql://db/lotsen", environment: ["PGUSER": "node", "PGPASSWORD": "from-env"])
        #expect(location == PostgresLocation(host: "db", port: 5432, user: "node", password: "from-env", database: "lotsen"))
        let bare = try PostgresLocation(url: "postgres://", environment: [:])
        #expect(bare.host == "localhost" && bare.user == "postgres" && bare.database == "postgres" && bare.password == nil)
    }

    @Test("a unix socket directory is given as ?host= or percent-encoded in the host")
    func unixSockets() throws {
        let query = try PostgresLocation(url: "postgres://lotsen@/journeys?host=/run/postgresql&port=5433", environment: [:])
        #expect(query.host == "/run/postgresql" && query.port == 5433 && query.isUnixSocket)
        #expect(query.unixSocketPath == "/run/postgresql/.s.PGSQL.5433")
        let encoded = try PostgresLocation(url: "postgres://lotsen@%2Frun%2Fpostgresql/journeys", environment: [:])
        #expect(encoded.host == "/run/postgresql" && encoded.database == "journeys")
        #expect(encoded.description == "postgres://lotsen@/journeys?host=/run/postgresql&port=5432")
    }

    @Test("anything else is refused without repeating the URL", arguments: [
        "mysql://root:hunter2@db/x", "postgres://u:hunter2@db:99999/x", "postgres://u:hunter2@db/x?sslmode=sometimes",
        "postgres://u:hunter2@db/x?options=hunter2",
    ])
    func refusesOthers(url: String) throws {
        let error = try #require(throws: StorageError.self) { try PostgresLocation(url: url, environment: [:]) }
        #expect(error.code == .cannotOpen)
        #expect(!error.description.contains("hunter2"))
    }
}
