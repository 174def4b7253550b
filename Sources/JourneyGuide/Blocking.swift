import Foundation
import JourneyEngine

/// Waits for an agency call from the guide's own thread. The guide reads the terminal synchronously, so it runs
/// on a thread of its own (``GuideSession/runOnOwnThread()``), never on the cooperative pool it would block.
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

/// Carries a result from the task to the waiting thread; the semaphore orders the write before the read.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, EngineError>?
}

extension GuideSession {
    /// Runs the conversation on a dedicated thread and waits for it without blocking the caller's thread.
    public func runOnOwnThread() async -> Outcome {
        let session = UncheckedSession(session: self)
        return await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: session.session.run()) }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }
}

/// The session moves to its thread once and is used only there.
private struct UncheckedSession: @unchecked Sendable {
    let session: GuideSession
}
