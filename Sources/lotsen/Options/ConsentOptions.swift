import ArgumentParser
import Foundation
import JourneyStore

/// `--yes` / `--no`: the person's answer to a consent preview, given up front (for scripts); asked on a terminal otherwise.
struct ConsentOptions: ParsableArguments {
    @Flag(name: .long, help: "Agree to the exchange shown, without asking.")
    var yes = false

    @Flag(name: .long, help: "Refuse the exchange shown, without asking (nothing is fetched or sent).")
    var no = false

    func validate() throws {
        if yes && no { throw ValidationError("say --yes or --no, not both") }
    }

    /// The decision: from the flags, else asked on the terminal.
    func decision(question: String) throws -> Consent.Decision {
        if yes { return .granted }
        if no { return .refused }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CLIError("no one is there to agree", hint: "read the preview, then run the command again with --yes or --no")
        }
        Console.prompt("\(question) [y/N]")
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return ["y", "yes", "j", "ja"].contains(answer) ? .granted : .refused
    }
}
