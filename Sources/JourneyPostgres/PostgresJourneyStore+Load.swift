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
    /// transaction first, so no other writer changes any of it until then.
    static func loadSnapshot(_ db: Session, person id: PersonID, lock: Bool) async throws -> PersonSnapshot? {
        guard let person = try await fetchPerson(db, id: id, lock: lock) else { return nil }
        var facts: [FactID: KnownFact] = [:]
        try await db.each(
            "SELECT fact_id, type, value, source, source_reference, recorded_at, valid_until FROM fact WHERE person_id = \(id.rawValue)"
        ) { row in
            let (fact, type, canonical, source, reference, recordedAt, validUntil) = try row.decode(
                (String, String, String, String, String?, Double, Double?).self)
            guard let value = FactValue(storedType: type, canonical: canonical), let source = FactSource(kind: source, reference: reference) else {
                throw StorageError(.corrupt, "a stored fact cannot be read", hint: "the database may come from a newer Lotsen")
            }
            facts[FactID(fact)] = KnownFact(value: value, source: source, recordedAt: Date(storedSeconds: recordedAt),
                validUntil: validUntil.map(Date.init(storedSeconds:)))
        }
        var enrollments: [StoredEnrollment] = []
        try await db.each(
            "SELECT \(unescaped: enrollmentColumns) FROM enrollment e WHERE e.person_id = \(id.rawValue) ORDER BY e.created_at, e.id"
        ) { row in
            enrollments.append(try enrollment(from: row))
        }
        return PersonSnapshot(person: person, facts: facts, enrollments: enrollments)
    }

    static func fetchPerson(_ db: Session, id: PersonID, lock: Bool) async throws -> StoredPerson? {
        try await db.rows(
            "SELECT id, identity_number, created_at FROM person WHERE id = \(id.rawValue)\(unescaped: lock ? " FOR UPDATE" : "")"
        ).first.map(person(from:))
    }

    static func fetchPerson(_ db: Session, identity: Personnummer) async throws -> StoredPerson? {
        try await db.rows("SELECT id, identity_number, created_at FROM person WHERE identity_number = \(identity.twelveDigits)")
            .first.map(person(from:))
    }

    private static func person(from row: PostgresRow) throws -> StoredPerson {
        let (id, number, createdAt) = try row.decode((String, String?, Double).self)
        var identity: Personnummer?
        if let number {
            do { identity = try Personnummer(parsing: number) } catch { throw StorageError(.corrupt, "a stored identity number is not valid") }
        }
        return StoredPerson(id: PersonID(id), identity: identity, createdAt: Date(storedSeconds: createdAt))
    }

    static func fetchEnrollment(_ db: Session, id: EnrollmentID) async throws -> StoredEnrollment? {
        try await db.rows("SELECT \(unescaped: enrollmentColumns) FROM enrollment e WHERE e.id = \(id.rawValue)").first.map(enrollment(from:))
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
