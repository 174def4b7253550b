import Foundation
import GRDB
import JourneyModel
import JourneyStore

/// Reading people, their facts and their enrollments back into values. A stateless transition starts by loading
/// the person's snapshot, so rows are read by position through the SQLite C API (`Database+Rows.swift`).
extension SQLiteJourneyStore {
    /// The enrollment columns every read selects, in the order ``enrollment(from:)`` reads them.
    static func enrollmentColumns(prefix: String = "") -> String {
        ["id", "personId", "journeyId", "journeyVersion", "status", "ball", "revision", "createdAt", "updatedAt", "completedAt", "steps"]
            .map { prefix + $0 }.joined(separator: ", ")
    }

    static func loadSnapshot(_ db: Database, person id: PersonID) throws -> PersonSnapshot? {
        guard let person = try fetchPerson(db, id: id) else { return nil }
        var facts: [FactID: KnownFact] = [:]
        try db.eachRow("SELECT factId, type, value, source, sourceReference, recordedAt, validUntil FROM fact WHERE personId = ?",
            bind: { $0.text(id.rawValue) }) { row in
            guard let value = FactValue(storedType: row.string(1), canonical: row.string(2)),
                let source = FactSource(kind: row.string(3), reference: row.text(4))
            else { throw StorageError(.corrupt, "a stored fact cannot be read", hint: "the database may come from a newer Lotsen") }
            facts[FactID(row.string(0))] = KnownFact(value: value, source: source, recordedAt: Date(storedSeconds: row.real(5)),
                validUntil: row.optionalReal(6).map(Date.init(storedSeconds:)))
        }
        var claims: [FactID: KnownFact] = [:]
        try db.eachRow("SELECT factId, type, value, source, sourceReference, recordedAt FROM fact_claim WHERE personId = ?",
            bind: { $0.text(id.rawValue) }) { row in
            guard let value = FactValue(storedType: row.string(1), canonical: row.string(2)),
                let source = FactSource(kind: row.string(3), reference: row.text(4))
            else { throw StorageError(.corrupt, "a stored claim cannot be read", hint: "the database may come from a newer Lotsen") }
            claims[FactID(row.string(0))] = KnownFact(value: value, source: source, recordedAt: Date(storedSeconds: row.real(5)))
        }
        var enrollments: [StoredEnrollment] = []
        try db.eachRow("SELECT \(enrollmentColumns()) FROM enrollment WHERE personId = ? ORDER BY createdAt, id", bind: { $0.text(id.rawValue) }) { row in
            enrollments.append(try enrollment(from: row))
        }
        return PersonSnapshot(person: person, facts: facts, enrollments: enrollments, claims: claims)
    }

    static func fetchPerson(_ db: Database, id: PersonID) throws -> StoredPerson? {
        try fetchPerson(db, sql: "SELECT id, identityNumber, createdAt, identityProof FROM person WHERE id = ?", key: id.rawValue)
    }

    static func fetchPerson(_ db: Database, identity: Personnummer) throws -> StoredPerson? {
        try fetchPerson(db, sql: "SELECT id, identityNumber, createdAt, identityProof FROM person WHERE identityNumber = ?", key: identity.twelveDigits)
    }

    private static func fetchPerson(_ db: Database, sql: String, key: String) throws -> StoredPerson? {
        var person: StoredPerson?
        try db.eachRow(sql, bind: { $0.text(key) }) { row in
            var identity: Personnummer?
            if let number = row.text(1) {
                do { identity = try Personnummer(parsing: number) } catch { throw StorageError(.corrupt, "a stored identity number is not valid") }
            }
            let proof = try row.text(3).map { (text) throws(StorageError) in try IdentityProof(storedText: text) }
            person = StoredPerson(id: PersonID(row.string(0)), identity: identity, proof: proof, createdAt: Date(storedSeconds: row.real(2)))
        }
        return person
    }

    static func fetchEnrollment(_ db: Database, id: EnrollmentID) throws -> StoredEnrollment? {
        var found: StoredEnrollment?
        try db.eachRow("SELECT \(enrollmentColumns()) FROM enrollment WHERE id = ?", bind: { $0.text(id.rawValue) }) { row in
            found = try enrollment(from: row)
        }
        return found
    }

    /// One row of ``enrollmentColumns(prefix:)``.
    private static func enrollment(from row: Database.Columns) throws -> StoredEnrollment {
        let id = EnrollmentID(row.string(0))
        guard let status = EnrollmentStatus(rawValue: row.string(4)), let ball = BallHolder(rawValue: row.string(5)) else {
            throw StorageError(.corrupt, "enrollment \(id) has an unknown status")
        }
        let steps = try row.utf8(10) { bytes throws(StorageError) in try StepsColumn.decode(bytes, enrollment: id) }
        return StoredEnrollment(
            id: id, person: PersonID(row.string(1)), journey: JourneyID(row.string(2)), journeyVersion: row.integer(3), status: status, ball: ball,
            revision: row.integer(6), createdAt: Date(storedSeconds: row.real(7)), updatedAt: Date(storedSeconds: row.real(8)),
            completedAt: row.optionalReal(9).map(Date.init(storedSeconds:)), steps: steps)
    }
}
