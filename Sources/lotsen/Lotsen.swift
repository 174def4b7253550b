import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// The `lotsen` command: journeys, validation, and each person's progress, from the terminal.
@main
struct Lotsen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lotsen",
        abstract: "Guide people through life events that span several Swedish agencies.",
        discussion: """
            Journeys are read from journeys/*.yaml and agencies from adapters/*.yaml (found in the current \
            folder or beside the lotsen binary; override with --journeys and --adapters). Progress is kept in \
            a SQLite database in your data folder, or in PostgreSQL for several servers (choose with --database \
            or LOTSEN_DATABASE: a file, or postgres://user@host:port/database).

            A person is named by personnummer or samordningsnummer, or by the reference Lotsen issues \
            (lp-...) to someone who has neither yet: use --person new to get one.

            Exit status: 0 on success, 1 when a request is refused or a file is invalid, 64 on a usage error, 141 when \
            standard output was closed before everything was written (a pipe into head, a terminal that went away): \
            the command stops there, quietly, and nothing is lost, since every change is saved before it is shown.

            Nothing Lotsen prints can act on your terminal: a control character in stored text (an escape code, a \
            carriage return, a line break) is shown as a visible escape such as \\u{1B}.
            """,
        version: "0.1.0",
        subcommands: [
            GuideCommand.self, ValidateCommand.self, JourneysCommand.self, ShowCommand.self, GraphCommand.self, ImportCommand.self, ExportCommand.self,
            StartCommand.self, AnswerCommand.self, BeginCommand.self, CompleteCommand.self, SkipCommand.self, RejectCommand.self,
            StatusCommand.self, HistoryCommand.self, LoginCommand.self,
            FetchCommand.self, SubmitCommand.self, SyncCommand.self, ConsentCommand.self, MandateCommand.self, JournalCommand.self, SandboxCommand.self,
            ServeCommand.self, TimersCommand.self, MigrateEnrollmentsCommand.self, TokenCommand.self, DatabaseCommand.self, TranslationsCommand.self,
        ]
    )

    /// `lotsen serve` runs Swift's tasks on SwiftNIO's event loops, the threads Hummingbird and postgres-nio already use,
    /// so a request's handler does not wait for a thread of another pool, nor a database answer hop back to one: on
    /// 2 CPUs this took status reads from 3,900 to 5,900 requests/s (BENCHMARKS.md). Other commands do one thing at a
    /// time and keep Swift's own pool, which ran the embedded SQLite workload 5–15% faster. The switch must happen
    /// before any task starts, so it is decided on the subcommand's name; `LOTSEN_GLOBAL_EXECUTOR=dispatch` keeps
    /// Swift's pool for `serve` too (for comparison, or should a problem ever show).
    static func main() async {
        if CommandLine.arguments.dropFirst().first == "serve", ProcessInfo.processInfo.environment["LOTSEN_GLOBAL_EXECUTOR"] != "dispatch" {
            _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await main(nil)
    }
}
