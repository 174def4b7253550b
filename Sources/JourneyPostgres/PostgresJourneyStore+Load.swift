import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

/// Reading people, their facts and their enrollments back into values.
extension PostgresJourneyStore {
    /// The enrollment columns every read selects, in the order ``enrollment(from:)`` reads them.
    static let enrollmentColumns =
        "e.id, e.person_id, e.journey_id, e.journey_version, e.status, e.ball, e.revision, e.created_at, e.updated_at, e.completed_at, e.steps"

    /// The person, their facts and enrollments. With `lock`, the person's row is locked for the rest of the
    /// transaction first, so no other writer changes any of it until then. The lock is a statement of its own: a
    /// statement reads as of its start, so one that waited for the lock inside would read what was there before.
    static func loadSnapshot(_ db: Session, person id: PersonID, lock: Bool) async throws -> PersonSnapshot? {
        if lock, try await db.rows(LockPerson.self, id.rawValue).isEmpty { return nil }
        return try snapshot(from: try await db.rows(SnapshotOfPerson.self, id.rawValue))?.snapshot
    }

    /// The snapshot of the person `enrollment` belongs to, and whether they have pending agency events.
    static func loadSnapshot(_ db: Session, containing enrollment: EnrollmentID) async throws -> (snapshot: PersonSnapshot, pending: Bool)? {
        try snapshot(from: try await db.rows(SnapshotWithEnrollment.self, enrollment.rawValue))
    }

    private enum LockPerson: FixedStatement {
        static let sql = "SELECT id FROM person WHERE id = $1 FOR UPDATE"
        static let parameterTypes: [PostgresDataType] = [.text]
    }

    private enum SnapshotOfPerson: FixedStatement {
        static let sql = snapshotSQL(person: "$1", pending: nil)
        static let parameterTypes: [PostgresDataType] = [.text]
    }

    private enum SnapshotWithEnrollment: FixedStatement {
        static let sql = snapshotSQL(person: person, pending: person)
        static let parameterTypes: [PostgresDataType] = [.text]
        private static let person = "(SELECT person_id FROM enrollment WHERE id = $1)"
    }

    /// A person's snapshot in one statement, so in one round trip and as of one moment without a transaction: the
    /// person's row (kind 0), their facts (1), their enrollments (2), their claims (4) and, when asked, one row if they
    /// have a pending agency event (3). Each kind fills the columns it needs: texts t1 to t5, integers i1 and i2, moments d1 to d3.
    private static func snapshotSQL(person: String, pending: String?) -> String {
        var sql = """
            SELECT 0, id, identity_number, identity_proof, NULL::text, NULL::text, NULL::bigint, NULL::bigint, created_at, NULL::float8, NULL::float8
            FROM person WHERE id = \(person)
            UNION ALL
            SELECT 1, fact_id, type, value, source, source_reference, NULL, NULL, recorded_at, valid_until, NULL
            FROM fact WHERE person_id = \(person)
            UNION ALL
            SELECT 2, id, journey_id, status, ball, steps::text, journey_version, revision, created_at, updated_at, completed_at
            FROM enrollment WHERE person_id = \(person)
            UNION ALL
            SELECT 4, fact_id, type, value, source, source_reference, NULL, NULL, recorded_at, NULL, NULL
            FROM fact_claim WHERE person_id = \(person)
            """
        if let pending {
            sql += """

                UNION ALL
                SELECT 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                WHERE EXISTS (SELECT 1 FROM agency_event WHERE person_id = \(pending) AND status = 'pending')
                """
        }
        return sql
    }

    /// Puts the rows of ``snapshotSQL(person:pending:)`` together; `nil` without a person row.
    private static func snapshot(from rows: [PostgresRow]) throws -> (snapshot: PersonSnapshot, pending: Bool)? {
        var person: StoredPerson?
        var facts: [FactID: KnownFact] = [:]
        var claims: [FactID: KnownFact] = [:]
        // Rows of a UNION ALL come in no promised order: enrollments are built once the person is known.
        var enrollmentRows: [(String?, String?, String?, String?, String?, Int?, Int?, Double?, Double?, Double?)] = []
        var pending = false
        for row in rows {
            let (kind, t1, t2, t3, t4, t5, i1, i2, d1, d2, d3) = try row.decode(
                (Int, String?, String?, String?, String?, String?, Int?, Int?, Double?, Double?, Double?).self)
            switch kind {
            case 0:
                person = try Self.person(id: t1 ?? "", number: t2, proof: t3, createdAt: d1 ?? 0)
            case 1:
                guard let fact = t1, let value = FactValue(storedType: t2 ?? "", canonical: t3 ?? ""),
                    let source = FactSource(kind: t4 ?? "", reference: t5), let recordedAt = d1
                else { throw StorageError(.corrupt, "a stored fact cannot be read", hint: "the database may come from a newer Lotsen") }
                facts[FactID(fact)] = KnownFact(value: value, source: source, recordedAt: Date(storedSeconds: recordedAt),
                    validUntil: d2.map(Date.init(storedSeconds:)))
            case 2:
                enrollmentRows.append((t1, t2, t3, t4, t5, i1, i2, d1, d2, d3))
            case 4:
                guard let fact = t1, let value = FactValue(storedType: t2 ?? "", canonical: t3 ?? ""),
                    let source = FactSource(kind: t4 ?? "", reference: t5), let recordedAt = d1
                else { throw StorageError(.corrupt, "a stored claim cannot be read", hint: "the database may come from a newer Lotsen") }
                claims[FactID(fact)] = KnownFact(value: value, source: source, recordedAt: Date(storedSeconds: recordedAt))
            default:
                pending = true
            }
        }
        guard let person else { return nil }
        var enrollments: [StoredEnrollment] = []
        for (t1, t2, t3, t4, t5, i1, i2, d1, d2, d3) in enrollmentRows {
            let id = EnrollmentID(t1 ?? "")
            guard let status = t3.flatMap(EnrollmentStatus.init(rawValue:)), let ball = t4.flatMap(BallHolder.init(rawValue:)),
                let journey = t2, let version = i1, let revision = i2, let createdAt = d1, let updatedAt = d2
            else { throw StorageError(.corrupt, "enrollment \(id) cannot be read") }
            enrollments.append(StoredEnrollment(
                id: id, person: person.id, journey: JourneyID(journey), journeyVersion: version, status: status, ball: ball, revision: revision,
                createdAt: Date(storedSeconds: createdAt), updatedAt: Date(storedSeconds: updatedAt),
                completedAt: d3.map(Date.init(storedSeconds:)), steps: try StepsColumn.decode(t5 ?? "", enrollment: id)))
        }
        // Oldest first, ties by id byte for byte (as SQLite's BINARY order, whatever the database's collation).
        enrollments.sort { a, b in
            a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id.rawValue.utf8.lexicographicallyPrecedes(b.id.rawValue.utf8)
        }
        return (PersonSnapshot(person: person, facts: facts, enrollments: enrollments, claims: claims), pending)
    }

    static func fetchPerson(_ db: Session, id: PersonID, lock: Bool) async throws -> StoredPerson? {
        try await db.rows(
            "SELECT id, identity_number, created_at, identity_proof FROM person WHERE id = \(id.rawValue)\(unescaped: lock ? " FOR UPDATE" : "")"
        ).first.map(person(from:))
    }

    static func fetchPerson(_ db: Session, identity: Personnummer) async throws -> StoredPerson? {
        try await db.rows("SELECT id, identity_number, created_at, identity_proof FROM person WHERE identity_number = \(identity.twelveDigits)")
            .first.map(person(from:))
    }

    private static func person(from row: PostgresRow) throws -> StoredPerson {
        let (id, number, createdAt, proof) = try row.decode((String, String?, Double, String?).self)
        return try person(id: id, number: number, proof: proof, createdAt: createdAt)
    }

    private static func person(id: String, number: String?, proof: String?, createdAt: Double) throws -> StoredPerson {
        var identity: Personnummer?
        if let number {
            do { identity = try Personnummer(parsing: number) } catch { throw StorageError(.corrupt, "a stored identity number is not valid") }
        }
        let proof = try proof.map { (text) throws(StorageError) in try IdentityProof(storedText: text) }
        return StoredPerson(id: PersonID(id), identity: identity, proof: proof, createdAt: Date(storedSeconds: createdAt))
    }

    static func fetchEnrollment(_ db: Session, id: EnrollmentID) async throws -> StoredEnrollment? {
        try await db.rows(EnrollmentByID.self, id.rawValue).first.map(enrollment(from:))
    }

    private enum EnrollmentByID: FixedStatement {
        static let sql = "SELECT \(enrollmentColumns) FROM enrollment e WHERE e.id = $1"
        static let parameterTypes: [PostgresDataType] = [.text]
    }

    /// One row of ``enrollmentColumns``.
    static func enrollment(from row: PostgresRow) throws -> StoredEnrollment {
        let (id, person, journey, version, status, ball, revision, createdAt, updatedAt, completedAt, steps) = try row.decode(
            (String, String, String, Int, String, String, Int, Double, Double, Double?, String).self)
        let enrollment = EnrollmentID(id)
        guard let status = EnrollmentStatus(rawValue: status), let ball = BallHolder(rawValue: ball) else {
            throw StorageError(.corrupt, "enrollment \(enrollment) has an unknown status")
        }
        return StoredEnrollment(
            id: enrollment, person: PersonID(person), journey: JourneyID(journey), journeyVersion: version, status: status, ball: ball,
            revision: revision, createdAt: Date(storedSeconds: createdAt), updatedAt: Date(storedSeconds: updatedAt),
            completedAt: completedAt.map(Date.init(storedSeconds:)), steps: try StepsColumn.decode(steps, enrollment: enrollment))
    }
}
