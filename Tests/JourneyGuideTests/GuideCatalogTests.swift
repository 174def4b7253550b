import Foundation
import JourneyModel
import Testing

@testable import JourneyGuide

@Suite("The guide's words as a keyed catalog: keys, placeholders and the generated list")
struct GuideCatalogTests {
    static let scanned = Result { try GuideCallScanner.scan(root: GuideFixture.root) }

    @Test("every t( call in the guide has a key, English and Swedish as literals, and no interpolation")
    func everyCallIsKeyed() throws {
        let (calls, problems) = try Self.scanned.get()
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(calls.count > 200, "the scanner found only \(calls.count) calls")
        for call in calls {
            #expect(call.key.wholeMatch(of: /[a-z0-9]+([.-][a-z0-9]+)*/) != nil, "\(call.file):\(call.line): key '\(call.key)' is not lower-case words joined by . or -")
        }
    }

    @Test("a key used twice means the same English and Swedish")
    func aKeyIsOneText() throws {
        let calls = try Self.scanned.get().calls
        for (key, uses) in Dictionary(grouping: calls, by: \.key) where Set(uses.map { [$0.english, $0.swedish] }).count > 1 {
            Issue.record("'\(key)' has different texts at \(uses.map { "\($0.file):\($0.line)" }.joined(separator: ", "))")
        }
    }

    @Test("no two keys differ only in case, dots or hyphens, which a translator could not tell apart")
    func keysDoNotCollide() throws {
        let keys = Set(try Self.scanned.get().calls.map(\.key))
        let byLook = Dictionary(grouping: keys) { $0.lowercased().replacingOccurrences(of: ".", with: "-") }
        for (_, same) in byLook where same.count > 1 { Issue.record("keys collide: \(same.sorted().joined(separator: ", "))") }
    }

    @Test("English and Swedish have the same placeholders")
    func placeholdersMatch() throws {
        for call in try Self.scanned.get().calls where Placeholders.names(in: call.english) != Placeholders.names(in: call.swedish) {
            Issue.record("\(call.file):\(call.line): '\(call.key)' has \(Placeholders.names(in: call.english).sorted()) in English, \(Placeholders.names(in: call.swedish).sorted()) in Swedish")
        }
    }

    @Test("GuideCatalog+Entries.swift lists exactly the calls' texts (LOTSEN_UPDATE_GOLDEN=1 regenerates it)")
    func generatedListIsCurrent() throws {
        let calls = try Self.scanned.get().calls
        let url = GuideFixture.root.appendingPathComponent("Sources/JourneyGuide/\(GuideCallScanner.generatedFile)")
        let expected = Self.render(calls)
        if ProcessInfo.processInfo.environment["LOTSEN_UPDATE_GOLDEN"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let actual = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "Sources/JourneyGuide/\(GuideCallScanner.generatedFile) is out of date: run LOTSEN_UPDATE_GOLDEN=1 swift test --skip-build --filter GuideCatalogTests")
        var seen = Set<String>()
        let unique = calls.filter { seen.insert($0.key).inserted }
        #expect(GuideCatalog.entries.map(\.key) == unique.map(\.key), "rebuild after regenerating")
    }

    @Test("the scanner reads concatenated literals and escapes, skips comments and URLs, and reports an unkeyed or interpolating call")
    func scannerFindsProblems() {
        let source = #"""
            // t("in a comment") is not a call
            var a: String { t("a.key", "See https://x.se/ " + "and \"more\"", "Se https://x.se/ och \"mer\"") }; var b = t("b", "B", "B")
            var c: String { t("Your choice:", "Ditt val:") }
            func d(_ n: Int) -> String { t("d", "\(n) steps", "\(n) steg") }
            """#
        let (calls, problems) = GuideCallScanner.scan(Array(source.unicodeScalars), file: "Example.swift")
        #expect(calls.map(\.key) == ["a.key", "b", "d"])
        #expect(calls.first?.english == "See https://x.se/ and \"more\"")
        #expect(problems.map(\.description) == [
            "Example.swift:3: a t( call without a key, English and Swedish as string literals",
            "Example.swift:4: 'd' interpolates: write a {placeholder} and pass its value instead",
        ])
    }

    /// The generated file's text: each key once, at its first use.
    static func render(_ calls: [GuideCallScanner.Call]) -> String {
        var seen = Set<String>()
        var lines = [
            "// Generated from the t(key, en, sv) calls in Sources/JourneyGuide by GuideCatalogTests: do not edit.",
            "// Refresh it with: LOTSEN_UPDATE_GOLDEN=1 swift test --skip-build --filter GuideCatalogTests",
            "",
            "extension GuideCatalog {",
            "    /// Every text of the guide, each key once, in source order (files by name).",
            "    public static let entries: [Entry] = [",
        ]
        for call in calls where seen.insert(call.key).inserted {
            lines.append("        Entry(\(literal(call.key)),")
            lines.append("            en: \(literal(call.english)),")
            lines.append("            sv: \(literal(call.swedish))),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    private static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
