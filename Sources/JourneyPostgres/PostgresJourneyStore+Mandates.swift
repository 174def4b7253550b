import Foundation
import JourneyModel
import JourneyStore
import PostgresNIO

extension PostgresJourneyStore {
    public func grantMandate(_ mandate: Mandate, journal: [AccessEntry]) async throws(StorageError) {
        try await write { db in
            try await db.exec("""
                INSERT INTO mandate (id, grantor_id, representative_id, journeys, services, valid_from, valid_until, granted_at, withdrawn_at)
                VALUES (\(mandate.id), \(mandate.grantor.rawValue), \(mandate.representative.rawValue), \(Self.list(mandate.journeys.map(\.rawValue))),
                    \(Self.list(mandate.services.map(\.rawValue))), \(mandate.validFrom.storedSeconds), \(mandate.validUntil.storedSeconds),
                    \(mandate.grantedAt.storedSeconds), \(mandate.withdrawnAt?.storedSeconds))
                """)
            try await Self.append(journal, db)
        }
    }

    public func mandate(id: String) async throws(StorageError) -> Mandate? {
        try await read { db in
            try await db.rows("SELECT \(unescaped: Self.mandateColumns) FROM mandate WHERE id = \(id)").first.map(Self.mandate)
        }
    }

    public func mandates(of person: PersonID) async throws(StorageError) -> [Mandate] {
        try await read { db in
            try await db.rows("""
                SELECT \(unescaped: Self.mandateColumns) FROM mandate
                WHERE grantor_id = \(person.rawValue) OR representative_id = \(person.rawValue) ORDER BY granted_at, id
                """
            ).map(Self.mandate)
        }
    }

    public func withdrawMandate(id: String, grantor: PersonID, at: Date, journal: [AccessEntry]) async throws(StorageError) -> Mandate? {
        try await write { db -> Mandate? in
            // Locked, so two nodes withdrawing at once journal it once.
            guard let row = try await db.rows(
                "SELECT \(unescaped: Self.mandateColumns) FROM mandate WHERE id = \(id) AND grantor_id = \(grantor.rawValue) FOR UPDATE"
            ).first else { return nil }
            var mandate = try Self.mandate(row)
            guard mandate.withdrawnAt == nil else { return mandate }
            mandate.withdrawnAt = at
            try await db.exec("UPDATE mandate SET withdrawn_at = \(at.storedSeconds) WHERE id = \(id)")
            try await Self.append(journal, db)
            return mandate
        }
    }

    static let mandateColumns = "id, grantor_id, representative_id, journeys, services, valid_from, valid_until, granted_at, withdrawn_at"

    /// Identifiers joined with commas (identifiers never hold one).
    static func list(_ values: [String]) -> String { values.joined(separator: ",") }

    static func mandate(_ row: PostgresRow) throws -> Mandate {
        let (id, grantor, representative, journeys, services, validFrom, validUntil, grantedAt, withdrawnAt) = try row.decode(
            (String, String, String, String, String, Double, Double, Double, Double?).self)
        return Mandate(id: id, grantor: PersonID(grantor), representative: PersonID(representative),
            journeys: journeys.split(separator: ",").map { JourneyID(String($0)) }, services: services.split(separator: ",").map { ServiceID(String($0)) },
            validFrom: Date(storedSeconds: validFrom), validUntil: Date(storedSeconds: validUntil), grantedAt: Date(storedSeconds: grantedAt),
            withdrawnAt: withdrawnAt.map(Date.init(storedSeconds:)))
    }
}
