import Foundation
import JourneyStore

extension JourneyEngine {
    /// How many timers one transaction fires: big enough that a backlog goes fast, small enough that one
    /// transaction never holds many people for long.
    public static let timerBatch = 500

    /// Fires every timer due at the engine's clock, a batch per transaction, until none is left; at most `limit` in
    /// all when given. Returns what fired, soonest due first. `lotsen serve` runs this every second and
    /// `lotsen timers run` once; a timer fires once however many run it at the same moment.
    public func fireDueTimers(in timers: any TimerStore, limit: Int? = nil) async throws(EngineError) -> [FiredTimer] {
        let now = clock()
        var fired: [FiredTimer] = []
        while limit.map({ fired.count < $0 }) ?? true {
            let batch = min(Self.timerBatch, (limit ?? Int.max) - fired.count)
            let taken = try await storage { () async throws(StorageError) in try await timers.fireDueTimers(at: now, limit: batch) }
            fired += taken
            // A short batch means nothing due was left, or the rest belongs to people another node is firing for.
            if taken.count < batch { break }
        }
        return fired
    }
}
