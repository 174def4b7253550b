import Foundation
import JourneyStore

extension MeasuredStore {
    public func openWebSession(_ session: StoredWebSession, forgettingIdleBefore idleBefore: Date, startedBefore: Date) async throws(StorageError) {
        try await measure(.openWebSession) { () async throws(StorageError) in
            try await base.openWebSession(session, forgettingIdleBefore: idleBefore, startedBefore: startedBefore)
        }
    }

    public func webSession(idHash: String) async throws(StorageError) -> StoredWebSession? {
        try await measure(.webSession) { () async throws(StorageError) in try await base.webSession(idHash: idHash) }
    }

    public func touchWebSession(idHash: String, at moment: Date) async throws(StorageError) {
        try await measure(.touchWebSession) { () async throws(StorageError) in try await base.touchWebSession(idHash: idHash, at: moment) }
    }

    public func closeWebSession(idHash: String) async throws(StorageError) {
        try await measure(.closeWebSession) { () async throws(StorageError) in try await base.closeWebSession(idHash: idHash) }
    }
}
