import Foundation
import GRDB
import JourneyModel
import JourneyStore

extension SQLiteJourneyStore {
    public func grantMandate(_ mandate: Mandate, journal: [AccessEntry]) async throws(StorageError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO mandate (id, grantorId, representativeId, journeys, services, validFrom, validUntil, grantedAt, withdrawnAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [mandate.id, mandate.grantor.rawValue, mandate.representative.rawValue, Self.list(mandate.journeys.map(\.rawValue)),
                    Self.list(mandate.services.map(\.rawValue)), mandate.validFrom.storedSeconds, mandate.validUntil.storedSeconds,
                    mandate.grantedAt.storedSeconds, mandate.withdrawnAt?.storedSeconds])
            try Self.append(journal, db)
        }
    }

    public func mandate(id: String) async throws(StorageError) -> Mandate? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM mandate WHERE id = ?", arguments: [id]).map(Self.mandate) }
    }

    public func mandates(of person: PersonID) async throws(StorageError) -> [Mandate] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM mandate WHERE grantorId = ?1 OR representativeId = ?1 ORDER BY grantedAt, id",
                arguments: [person.rawValue]).map(Self.mandate)
        }
    }

    public func withdrawMandate(id: String, grantor: PersonID, at: Date, journal: [AccessEntry]) async throws(StorageError) -> Mandate? {
        try await write { db -> Mandate? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM mandate WHERE id = ? AND grantorId = ?", arguments: [id, grantor.rawValue]) else {
                return nil
            }
            var mandate = try Self.mandate(row)
            guard mandate.withdrawnAt == nil else { return mandate }
            mandate.withdrawnAt = at
            try db.execute(sql: "UPDATE mandate SET withdrawnAt = ? WHERE id = ?", arguments: [at.storedSeconds, id])
            try Self.append(journal, db)
            return mandate
        }
    }

    /// Identifiers joined with commas (identifiers never hold one).
    static func list(_ values: [String]) -> String { values.joined(separator: ",") }

    static func mandate(_ row: Row) throws -> Mandate {
        let withdrawn: Double? = row["withdrawnAt"]
        return Mandate(id: row["id"], grantor: PersonID(row["grantorId"] as String), representative: PersonID(row["representativeId"] as String),
            journeys: (row["journeys"] as String).split(separator: ",").map { JourneyID(String($0)) },
            services: (row["services"] as String).split(separator: ",").map { ServiceID(String($0)) },
            validFrom: Date(storedSeconds: row["validFrom"]), validUntil: Date(storedSeconds: row["validUntil"]),
            grantedAt: Date(storedSeconds: row["grantedAt"]), withdrawnAt: withdrawn.map(Date.init(storedSeconds:)))
    }
}
