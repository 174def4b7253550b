import Foundation
import Logging

/// Writes each log entry as one JSON object per line (time, level, label, message and metadata, keys sorted), for
/// log collectors. Callers keep personal data out of messages and metadata; this handler adds none. The line is
/// built by hand: `JSONSerialization` with sorted keys compares keys through the locale, and at one line per
/// request that was a fifth of a status read.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes a line to standard error. A closed standard error loses the line and nothing else: `write(_: Data)`
    /// would crash the server on it (it traps on any I/O error), so the throwing form is used and its error dropped.
    public static let standardError: @Sendable (String) -> Void = { line in try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8)) }

    public func log(event: LogEvent) {
        var fields: [(key: String, value: Logger.Metadata.Value)] = [
            ("time", .string(InternetTimestamp.string(Date()))), ("level", .string(event.level.rawValue)), ("label", .string(label)),
            ("message", .string(event.message.description)),
        ]
        let merged = event.metadata.map { metadata.merging($0, uniquingKeysWith: { $1 }) } ?? metadata
        for (key, value) in merged {
            let key = key == "hb.request.id" ? "request.id" : key
            // The entry's own fields win over metadata of the same name, so a line cannot be made to lie about them.
            if !fields.contains(where: { $0.key == key }) { fields.append((key, value)) }
        }
        var output = JSONOutput(capacity: 512)
        Self.writeObject(fields, to: &output)
        write(String(decoding: output.bytes, as: UTF8.self))
    }

    private static func writeObject(_ fields: [(key: String, value: Logger.Metadata.Value)], to output: inout JSONOutput) {
        output.object { output in
            for field in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                output.key(field.key)
                writeValue(field.value, to: &output)
            }
        }
    }

    private static func writeValue(_ value: Logger.Metadata.Value, to output: inout JSONOutput) {
        switch value {
        case .string(let text): output.string(text)
        case .stringConvertible(let value): output.string(value.description)
        case .array(let values): output.array(values) { output, value in writeValue(value, to: &output) }
        case .dictionary(let values): writeObject(values.map { ($0.key, $0.value) }, to: &output)
        }
    }
}
