import Foundation
import JourneyModel
import JourneyStore

extension MeasuredStore {
    public func grantMandate(_ mandate: Mandate, journal: [AccessEntry]) async throws(StorageError) {
        try await measure(.grantMandate) { () async throws(StorageError) in try await base.grantMandate(mandate, journal: journal) }
    }

    public func mandate(id: String) async throws(StorageError) -> Mandate? {
        try await measure(.mandate) { () async throws(StorageError) in try await base.mandate(id: id) }
    }

    public func mandates(of person: PersonID) async throws(StorageError) -> [Mandate] {
        try await measure(.mandates) { () async throws(StorageError) in try await base.mandates(of: person) }
    }

    public func withdrawMandate(id: String, grantor: PersonID, at: Date, journal: [AccessEntry]) async throws(StorageError) -> Mandate? {
        try await measure(.withdrawMandate) { () async throws(StorageError) in
            try await base.withdrawMandate(id: id, grantor: grantor, at: at, journal: journal)
        }
    }
}
