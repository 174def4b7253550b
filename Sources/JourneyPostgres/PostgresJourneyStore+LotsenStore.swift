import JourneyStore

extension PostgresJourneyStore: LotsenStore {
    public var displayName: String { location.description }
}
