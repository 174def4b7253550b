/// Everything Lotsen keeps, in one store: what the command line opens from `--database` (an SQLite file or a
/// PostgreSQL URL) and hands to the engine, the once-only exchange and the API.
public protocol LotsenStore: JourneyStore, OnceOnlyStore, AgencyEventStore, TokenStore, EnrollmentListing, TimerStore, MandateStore, ReminderOutbox, WebSessionStore {
    /// Which store this is and where, for logs and messages: never a password.
    var displayName: String { get }
    /// The names of the migrations applied, oldest first.
    func appliedMigrations() async throws(StorageError) -> [String]
    /// Lets go of the store's connections and files; nothing is called on it after.
    func close() async
}
