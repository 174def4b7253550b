import Foundation
import Synchronization
import Testing

/// The command-line half of the crash matrix: `lotsen begin`, `complete`, `answer`, `submit` and `sync`, each
/// SIGKILLed at a random moment of its run (or left alone), and run again until one run exits by itself, as a user
/// whose terminal died would. The kill delay is drawn from 0 to a little more than a typical run of the command, so
/// kills land before, during and after its transaction.
final class KillingRunner: Sendable {
    let lotsen: LotsenCommand
    let environment: [String: String]
    /// How often a run is killed (0...1).
    let killShare: Double
    private let random: Mutex<SplitMix>
    /// Recent durations of runs that ended by themselves, in milliseconds: the typical run.
    private let durations = Mutex<[Double]>([])

    /// A command's end: its exit status and output, or killed.
    struct Outcome {
        let killed: Bool
        let status: Int32
        let output: String
        let error: String
    }

    init(lotsen: LotsenCommand, environment: [String: String], killShare: Double, seed: UInt64) {
        self.lotsen = lotsen
        self.environment = environment
        self.killShare = killShare
        random = Mutex(SplitMix(seed: seed))
    }

    func draw() -> Double { random.withLock { $0.unit() } }

    /// The delay for the next kill, or nil for a run left alone.
    private func killDelay() -> Double? {
        guard draw() < killShare else { return nil }
        let typical = durations.withLock { recent -> Double in
            guard !recent.isEmpty else { return 300 }
            return recent.sorted()[recent.count / 2]
        }
        return draw() * typical * 1.2
    }

    /// One run of `lotsen ARGUMENTS`, perhaps killed.
    func once(_ arguments: [String]) async throws -> Outcome {
        let process = try lotsen.start(arguments, environment: environment, output: true)
        let began = ContinuousClock.now
        let killer: Task<Bool, Never>? = killDelay().map { delay in
            Task {
                try? await Task.sleep(for: .milliseconds(delay))
                guard process.isRunning else { return false }
                return kill(process.processIdentifier, SIGKILL) == 0
            }
        }
        let result: CLIRunner.Result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let outData = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
                let errData = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: CLIRunner.Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                    error: String(decoding: errData, as: UTF8.self)))
            }
        }
        killer?.cancel()
        let killed = process.terminationReason == .uncaughtSignal
        if !killed {
            let elapsed = ContinuousClock.now - began
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            durations.withLock { recent in
                recent.append(milliseconds)
                if recent.count > 25 { recent.removeFirst() }
            }
        }
        return Outcome(killed: killed, status: result.status, output: result.output, error: result.error)
    }

    /// Runs `lotsen ARGUMENTS` until a run ends by itself; returns that run and how many were killed before it.
    /// `done` tells whether a failed run's message shows the change was already made by a killed one.
    func untilAcknowledged(_ arguments: [String], ledger: CrashLedger, killCount: WritableKeyPath<CrashLedger.Counts, Int>,
        done: (Outcome) -> Bool = { _ in false }) async throws -> Outcome?
    {
        for _ in 0..<60 {
            let outcome = try await once(arguments)
            if outcome.killed {
                ledger.counts.withLock { $0[keyPath: killCount] += 1 }
                continue
            }
            if outcome.status == 0 || done(outcome) { return outcome }
            ledger.fail("lotsen \(arguments.joined(separator: " ")) exited \(outcome.status): \(outcome.error.prefix(300))")
            return nil
        }
        ledger.fail("lotsen \(arguments.joined(separator: " ")) was killed 60 times in a row")
        return nil
    }
}

/// People walked through `new-in-sweden` on the command line, every command liable to be killed.
enum CommandLineWalk {
    /// The answers of a US citizen staying a year or more with a US licence: `CrashMatrix.steps` are all open to them.
    static let answers = ["citizenship=US", "stayAtLeastOneYear=yes", "hasChildren=no", "lookingForWork=no", "hasForeignDrivingLicence=yes",
        "drivingLicenceCountry=US", "fullName=Test Testsson", "address=Testgatan 1, 111 11 Stockholm", "alreadyRegistered=no",
        "passportNumber=X1234567", "permitGround=work"]
    /// The answers of a Nordic citizen: population registration (an application to Skatteverket) comes first.
    static let applicantAnswers = ["citizenship=NO", "stayAtLeastOneYear=yes", "hasChildren=no", "lookingForWork=no", "hasForeignDrivingLicence=no",
        "fullName=Test Testsson", "address=Testgatan 1, 111 11 Stockholm", "alreadyRegistered=no"]

    static func walk(_ person: String, runner: KillingRunner, ledger: CrashLedger) async throws {
        guard try await runner.untilAcknowledged(["answer", "--person", person] + answers, ledger: ledger, killCount: \.killsCommand) != nil else { return }
        for answer in answers { ledger.acknowledged(person, "factRecorded \(answer.prefix { $0 != "=" })") }
        ledger.counts.withLock { $0.facts += answers.count }
        for step in CrashMatrix.steps {
            for (verb, progress) in [("begin", "started"), ("complete", "completed")] {
                guard try await runner.untilAcknowledged([verb, step, "--person", person], ledger: ledger, killCount: \.killsCommand) != nil else { return }
                ledger.acknowledged(person, "stepProgressed \(step) \(progress)")
                ledger.counts.withLock { $0.transitionsCommandLine += 1 }
            }
        }
    }

    /// One application: answers, then `lotsen submit` until it says "Sent." (or, run again after a kill, that the step
    /// already waits on the agency); after a kill, half the time `lotsen sync --person` first, as the docs advise.
    static func apply(_ person: String, runner: KillingRunner, ledger: CrashLedger) async throws {
        guard try await runner.untilAcknowledged(["answer", "--person", person] + applicantAnswers, ledger: ledger, killCount: \.killsCommand) != nil
        else { return }
        for answer in applicantAnswers { ledger.acknowledged(person, "factRecorded \(answer.prefix { $0 != "=" })") }
        ledger.counts.withLock { $0.facts += applicantAnswers.count }
        let submit = ["submit", "population-registration", "--person", person, "--yes"]
        for _ in 0..<60 {
            let outcome = try await runner.once(submit)
            if outcome.killed {
                ledger.counts.withLock { $0.killsSubmit += 1 }
                if runner.draw() < 0.5 {
                    _ = try await runner.untilAcknowledged(["sync", "--person", person], ledger: ledger, killCount: \.killsSync)
                }
                continue
            }
            let text = outcome.output + outcome.error
            if outcome.status == 0, text.contains("Sent.") || text.contains("waiting on") {
                ledger.acknowledgedApplication(person)
                ledger.acknowledged(person, "stepProgressed population-registration waitingOnAgency")
                return
            }
            if outcome.status != 0, text.contains("cannot submit step 'population-registration': it is"),
                ["waiting", "done", "needs"].contains(where: { text.contains($0) })
            {
                // A killed run (or the sync after it, which may also have heard the agency's decision) got it there:
                // the application went; the checks count its cases.
                ledger.acknowledgedApplication(person)
                ledger.acknowledged(person, "stepProgressed population-registration waitingOnAgency")
                return
            }
            ledger.fail("lotsen submit for \(person) exited \(outcome.status): \(text.prefix(300))")
            return
        }
        ledger.fail("lotsen submit for \(person) was killed 60 times in a row")
    }
}

/// A small, seeded random source (SplitMix64), so a failing run can be repeated with its seed.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
