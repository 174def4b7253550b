import GRDB
import JourneyStore

extension SQLiteJourneyStore: LotsenStore {
    public var displayName: String { "sqlite:\(path)" }

    public func close() async {
        try? pool.close()
    }
}
