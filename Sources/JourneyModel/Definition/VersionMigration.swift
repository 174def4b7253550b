/// How enrollments on an older version of a journey move to the version that declares it (`migrations:` in the
/// journey file). Steps the mapping does not name keep their id; a step of the old version that is neither in the
/// new one nor named here leaves the mapping incomplete (see ``check(from:to:)``).
public struct VersionMigration: Sendable, Hashable {
    /// Where an entry of the mapping stands in its file, for diagnostics found only when the old version is known.
    public struct Origin: Sendable, Hashable {
        public let file: String
        public let path: String
        public let line: Int
        public let column: Int

        public init(file: String, path: String, line: Int, column: Int) {
            self.file = file
            self.path = path
            self.line = line
            self.column = column
        }
    }

    /// What happens to one step of the old version.
    public enum Move: Sendable, Hashable {
        /// The same step under a new id: its progress, due date and history go with it.
        case renamed(StepID)
        /// The step became several: its progress goes to every part, since the person did all of what the parts are now.
        case split([StepID])
        /// The step is gone: its progress leaves the enrollment's current state and stays in its history.
        case removed
    }

    /// The version enrollments move from.
    public let from: Int
    /// Each named old step's move.
    public let moves: [StepID: Move]
    /// Where each named old step stands in the file.
    public let origins: [StepID: Origin]
    /// Where `from` stands in the file, for problems with the mapping as a whole.
    public let origin: Origin

    public init(from: Int, moves: [StepID: Move], origins: [StepID: Origin] = [:], origin: Origin) {
        self.from = from
        self.moves = moves
        self.origins = origins
        self.origin = origin
    }

    /// The mapping a journey file implies for a version it has no entry for: every step keeps its id.
    public static func sameIDs(from version: Int, file: String) -> VersionMigration {
        VersionMigration(from: version, moves: [:], origin: Origin(file: file, path: "migrations", line: 0, column: 0))
    }

    /// Where an old step goes in `target`: its mapped move, else the step of the same id; `nil` when neither says.
    public func move(of step: StepID, into target: Journey) -> Move? {
        if let move = moves[step] { return move }
        return target.step(step) != nil ? .renamed(step) : nil
    }

    /// The problems only the old version shows: a named step the old version does not have, and an old step the
    /// mapping does not place. Reported at the mapping's entries, compiler style.
    public func check(from old: Journey, to target: Journey) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let oldIDs = old.steps.map(\.id.rawValue)
        for step in moves.keys.sorted() where old.step(step) == nil {
            let at = origins[step] ?? origin
            diagnostics.append(Diagnostic(file: at.file, line: at.line, column: at.column, path: at.path,
                message: "version \(old.version) has no step '\(step)'",
                hint: Suggestion.closest(to: step.rawValue, among: oldIDs).map { "did you mean '\($0)'?" } ?? "name a step of version \(old.version)"))
        }
        for step in old.steps where move(of: step.id, into: target) == nil {
            diagnostics.append(Diagnostic(file: origin.file, line: origin.line, column: origin.column, path: origin.path,
                message: "step '\(step.id)' of version \(old.version) is not in version \(target.version), and the mapping does not say where it went",
                hint: "list it under renamed, split or removed in the entry 'from: \(old.version)'"))
        }
        return diagnostics
    }
}
