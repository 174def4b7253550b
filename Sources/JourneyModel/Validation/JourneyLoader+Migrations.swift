import Yams

/// Reading `migrations:`: how enrollments on older versions move to this one. What can be checked without the old
/// version is checked here; the old version's own steps are checked when enrollments are moved
/// (``VersionMigration/check(from:to:)``).
extension JourneyFileParser {
    mutating func parseMigrations(_ node: Node, version: Int?) -> [VersionMigration] {
        // A household member's copy of a repeated step (`school-place.child-1`) can take an old step's progress too.
        let copies = drafts.flatMap { draft -> [String] in
            guard let id = draft.id else { return [] }
            let repeated = Set(roles(of: draft).map(\.id))
            return roles.filter { repeated.contains($0.id) }.flatMap(\.members).map { "\(id).\($0.key)" }
        }
        let stepIDs = Set(drafts.compactMap(\.id) + copies)
        var groups: [String: Int] = [:]
        for draft in drafts { if let id = draft.id, let group = draft.group { groups[id] = group } }
        var result: [VersionMigration] = []
        var seen: [Int: String] = [:]
        for (index, item) in reader.sequence(node, "migrations", what: "migrations").enumerated() {
            let path = "migrations[\(index)]"
            guard let fields = reader.mapping(item, path, keys: JourneyLoader.migrationKeys, required: ["from"], what: "a migration") else { continue }
            guard let from = fields["from"].flatMap({ reader.int($0, "\(path).from") }) else { continue }
            if let version, from >= version {
                reader.report(at: "\(path).from", "version \(from) is not older than this file's version \(version)",
                    hint: "a migration moves enrollments from an older version to this one; bump 'version' above \(from)")
            } else if from < 1 {
                reader.report(at: "\(path).from", "version must be 1 or more")
            }
            if let first = seen[from] {
                reader.report(at: "\(path).from", "version \(from) is mapped twice", hint: "already mapped by \(first); merge the two entries")
            }
            seen[from] = seen[from] ?? path
            var moves: [StepID: VersionMigration.Move] = [:]
            var origins: [StepID: VersionMigration.Origin] = [:]
            var targets: [String: String] = [:]
            var named: [String: String] = [:]
            /// Records what happened to an old step; `move` is `nil` when its target was refused, so a second mention is
            /// still reported.
            func place(_ old: String, _ move: VersionMigration.Move?, at entryPath: String, key: String) {
                if !IdentifierRules.isKebabCase(old) {
                    reader.report(at: entryPath, "step id '\(old)' is not kebab-case", hint: "name the step as version \(from) did")
                }
                if let earlier = named[old] {
                    reader.report(at: entryPath, "step '\(old)' is both \(earlier) and \(key)", hint: "say once what happened to it")
                    return
                }
                named[old] = key
                guard let move else { return }
                moves[StepID(old)] = move
                if let position = reader.locations[entryPath] {
                    origins[StepID(old)] = VersionMigration.Origin(file: reader.file, path: entryPath, line: position.line, column: position.column)
                }
            }
            func target(_ new: String, at targetPath: String) -> Bool {
                guard stepIDs.contains(new) else {
                    reader.report(at: targetPath, "this version has no step '\(new)'",
                        hint: Suggestion.closest(to: new, among: Array(stepIDs)).map { "did you mean '\($0)'?" } ?? "name a step of this file")
                    return false
                }
                if let other = targets[new] {
                    reader.report(at: targetPath, "step '\(new)' is already the target of \(other)",
                        hint: "a step takes the progress of one old step only")
                    return false
                }
                targets[new] = targetPath
                return true
            }
            if let renamed = fields["renamed"] {
                for entry in reader.entries(renamed, "\(path).renamed", what: "renamed steps") {
                    let entryPath = "\(path).renamed.\(entry.key)"
                    guard let new = reader.string(entry.value, entryPath, what: "a step id") else { continue }
                    place(entry.key, target(new, at: entryPath) ? .renamed(StepID(new)) : nil, at: entryPath, key: "renamed")
                }
            }
            if let split = fields["split"] {
                for entry in reader.entries(split, "\(path).split", what: "split steps") {
                    let entryPath = "\(path).split.\(entry.key)"
                    let parts = reader.idList(entry.value, entryPath)
                    if parts.count == 1 {
                        reader.report(at: entryPath, "step '\(entry.key)' is split into one step", hint: "write it under renamed instead")
                        continue
                    }
                    let placed = parts.filter { target($0.id, at: $0.path) }
                    var valid = placed.count == parts.count && !parts.isEmpty
                    if valid, Dictionary(grouping: parts.compactMap { groups[$0.id] }, by: { $0 }).contains(where: { $0.value.count > 1 }) {
                        reader.report(at: entryPath, "step '\(entry.key)' is split into alternatives of one oneOf group",
                            hint: "only one alternative can be done; rename the step to that one instead")
                        valid = false
                    }
                    place(entry.key, valid ? .split(parts.map { StepID($0.id) }) : nil, at: entryPath, key: "split")
                }
            }
            if let removed = fields["removed"] {
                for item in reader.idList(removed, "\(path).removed") {
                    if stepIDs.contains(item.id) {
                        reader.report(at: item.path, "step '\(item.id)' is removed, but this version still has it",
                            hint: "leave it out of removed: a step of the same id keeps its progress")
                        continue
                    }
                    place(item.id, .removed, at: item.path, key: "removed")
                }
            }
            let position = reader.locations["\(path).from"] ?? reader.locations[path]
            result.append(VersionMigration(from: from, moves: moves, origins: origins,
                origin: VersionMigration.Origin(file: reader.file, path: path, line: position?.line ?? 0, column: position?.column ?? 0)))
        }
        return result
    }
}

extension VersionMigration.Move {
    /// The mapping's key for this kind of move.
    public var keyword: String {
        switch self {
        case .renamed: "renamed"
        case .split: "split"
        case .removed: "removed"
        }
    }
}
