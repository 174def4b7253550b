import Foundation
import JourneyModel

/// A JSON value as the sandbox agencies read and write it: the same value Lotsen's adapters speak.
typealias SandboxJSON = AgencyValue

extension AgencyValue {
    /// Parses a body; `nil` when it is not JSON at all.
    static func parse(_ data: Data) -> SandboxJSON? {
        try? JSONDecoder().decode(SandboxJSON.self, from: data)
    }

    /// The value as JSON text with sorted keys, so equal values always give equal bytes.
    var canonicalData: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a tree of strings, numbers and containers cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    var objectValue: [String: SandboxJSON]? {
        if case .object(let value) = self { value } else { nil }
    }

    var arrayValue: [SandboxJSON]? {
        if case .array(let value) = self { value } else { nil }
    }

    var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// Whether the value is a string, number or boolean: what an application field may hold.
    var isScalar: Bool {
        switch self {
        case .string, .number, .bool: true
        case .null, .array, .object: false
        }
    }

    /// An object from dotted paths (`name.full`), each path going into nested objects.
    init(paths: [String: SandboxJSON]) {
        var root = SandboxJSON.object([:])
        for (path, value) in paths { root.set(value, at: path.split(separator: ".").map(String.init)) }
        self = root
    }

    /// The value at a dotted path, or `nil` when some part of it is missing.
    func value(at path: String) -> SandboxJSON? {
        var current = self
        for key in path.split(separator: ".") {
            guard let next = current.objectValue?[String(key)] else { return nil }
            current = next
        }
        return current
    }

    /// Only the given dotted paths of this object; paths it lacks are left out.
    func selecting(_ paths: [String]) -> SandboxJSON {
        var selected = SandboxJSON.object([:])
        for path in paths {
            if let value = value(at: path) { selected.set(value, at: path.split(separator: ".").map(String.init)) }
        }
        return selected
    }

    private mutating func set(_ value: SandboxJSON, at keys: some Collection<String>) {
        guard let first = keys.first else {
            self = value
            return
        }
        var object = objectValue ?? [:]
        var child = object[first] ?? .object([:])
        child.set(value, at: keys.dropFirst())
        object[first] = child
        self = .object(object)
    }
}
