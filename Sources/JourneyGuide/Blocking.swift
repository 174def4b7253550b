import Foundation
import JourneyEngine

/// Waits for an engine, store or agency call from the guide's own thread. The guide reads the terminal
/// synchronously, so it runs on a thread of its own (``GuideSession/run()``), never on the cooperative pool it
/// would block; the call itself runs on the pool.
func waitFor<T: Sendable>(_ operation: @escaping @Sendable () async throws(EngineError) -> T) -> Result<T, EngineError> {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do throws(EngineError) {
            box.result = .success(try await operation())
        } catch {
            box.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    return box.result!
}

/// ``waitFor(_:)`` as a throwing call.
func awaitFromThread<T: Sendable>(_ operation: @escaping @Sendable () async throws(EngineError) -> T) throws(EngineError) -> T {
    try waitFor(operation).get()
}

/// Carries a result from the task to the waiting thread; the semaphore orders the write before the read.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, EngineError>?
}

extension GuideSession {
    /// Runs the conversation until the person stops, the input ends, or progress cannot be saved: on a dedicated
    /// thread (it reads the terminal synchronously), waited for without blocking the caller's thread.
    public func run() async -> Outcome {
        let session = UncheckedSession(session: self)
        return await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: session.session.converseOnThisThread()) }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }
}

/// The session moves to its thread once and is used only there.
private struct UncheckedSession: @unchecked Sendable {
    let session: GuideSession
}
