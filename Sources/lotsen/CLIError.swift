import ArgumentParser
import JourneyEngine
import JourneyStore

/// A refused request or unusable input: printed as `error: …` with a hint, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    init(_ error: EngineError) { self.init(error.message, hint: error.hint) }

    var description: String { message }
}

extension ParsableCommand {
    /// Runs `body`, turning refusals into a clear message on standard error and exit status 1.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        let failure: CLIError
        do {
            return try await body()
        } catch let error as CLIError {
            failure = error
        } catch let error as EngineError {
            failure = CLIError(error)
        } catch let error as StorageError {
            failure = CLIError(error.message, hint: error.hint)
        }
        try report(failure)
    }

    private func report(_ failure: CLIError) throws -> Never {
        Console.error("error: \(failure.message)")
        if let hint = failure.hint { Console.error("hint: \(hint)") }
        throw ExitCode(1)
    }
}
