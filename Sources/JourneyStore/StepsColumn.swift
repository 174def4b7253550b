import Foundation
import JourneyModel

/// An enrollment's steps, stored in one column of its row as a JSON object:
/// `{"step-id": ["state", "since", "progress" | null, "detail" | null, "due" | null, "expectedBy" | null, "openedAt"], …}`,
/// keys sorted. The last three are written only as far as a step needs them: `due` and `expectedBy` for a step that has
/// a due date or an expected answer from the agency, `openedAt` for a step known to have opened (then `due` and
/// `expectedBy` before it, either perhaps null). Columns written before these existed read unchanged.
///
/// One column rather than a row per step, because every page a commit touches is a WAL frame: a transition
/// rewrites the enrollment's row anyway, and keeping the steps in it saves the step table's page (and its
/// index pages) on every commit. JSON, so SQLite can still answer questions about a step (`json_extract`).
/// `since` is written as Swift's shortest round-trip text of the stored seconds and read back with
/// `Double(_:)`, so a moment survives bit for bit, exactly as in a REAL column: `open_step` is keyed by it.
///
/// The column is written on every transition and read on every load, so both work on UTF-8 bytes: building it a
/// character at a time was a fifth of a transition's time.
package enum StepsColumn {
    /// The column's text as UTF-8 bytes, ready to bind.
    package static func encode(_ steps: [StepID: StoredStep]) -> [UInt8] {
        let ordered = steps.sorted { $0.key.rawValue < $1.key.rawValue }
        // Written straight into the array's storage: an escaped byte takes at most six, the rest of a step under 160.
        var capacity = 2
        for (step, stored) in ordered { capacity += 6 * (step.rawValue.utf8.count + (stored.progress?.detail?.utf8.count ?? 0)) + 160 }
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var out = Writer(buffer.baseAddress!)
            out.byte("{")
            // Steps that changed together share their moment: its text is made once.
            var since: (seconds: Double, text: String)?
            for (index, (step, stored)) in ordered.enumerated() {
                if index > 0 { out.byte(",") }
                out.quoted(step.rawValue)
                out.byte(":")
                out.byte("[")
                out.plain(stored.state.rawValue)
                out.byte(",")
                let seconds = stored.since.storedSeconds
                if since?.seconds != seconds { since = (seconds, String(seconds)) }
                out.plain(since!.text)
                out.byte(",")
                if let progress = stored.progress {
                    out.plain(progress.keyword)
                    out.byte(",")
                    if let detail = progress.detail { out.quoted(detail) } else { out.null() }
                } else {
                    out.null()
                    out.byte(",")
                    out.null()
                }
                if stored.due != nil || stored.expectedBy != nil || stored.openedAt != nil {
                    out.byte(",")
                    if let due = stored.due { out.plain(String(due.storedSeconds)) } else { out.null() }
                    if stored.expectedBy != nil || stored.openedAt != nil {
                        out.byte(",")
                        if let expected = stored.expectedBy { out.plain(String(expected.storedSeconds)) } else { out.null() }
                    }
                    if let opened = stored.openedAt {
                        out.byte(",")
                        // Most steps open at the moment they entered their state: the text is then shared.
                        let seconds = opened.storedSeconds
                        if since?.seconds != seconds { since = (seconds, String(seconds)) }
                        out.plain(since!.text)
                    }
                }
                out.byte("]")
            }
            out.byte("}")
            count = out.written(since: buffer.baseAddress!)
        }
    }

    /// The column's text as a string, for statements that bind through GRDB.
    package static func encodedText(_ steps: [StepID: StoredStep]) -> String {
        String(decoding: encode(steps), as: UTF8.self)
    }

    /// Reads a column back. Any JSON of this shape is accepted (spacing, escapes, key order), so a column
    /// that SQLite's own JSON functions rewrote still reads; anything else is ``StorageError/Code/corrupt``.
    package static func decode(_ column: String, enrollment: EnrollmentID) throws(StorageError) -> [StepID: StoredStep] {
        var text = column
        let steps = text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.steps()
        }
        guard let steps else { throw StorageError(.corrupt, "the steps of enrollment \(enrollment) cannot be read") }
        return steps
    }

    /// ``decode(_:enrollment:)`` straight from the column's bytes.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, enrollment: EnrollmentID) throws(StorageError) -> [StepID: StoredStep] {
        var reader = Reader(bytes: bytes)
        guard let steps = reader.steps() else { throw StorageError(.corrupt, "the steps of enrollment \(enrollment) cannot be read") }
        return steps
    }

    /// The JSON path of one step's field, for `json_extract(e.steps, ?)`. Step ids are validated identifiers,
    /// but the quotes keep the path right for any id.
    package static func path(_ step: StepID, field: Field) -> String {
        "$.\"\(step.rawValue.replacingOccurrences(of: "\"", with: "\\\""))\"[\(field.rawValue)]"
    }

    package enum Field: Int {
        case state = 0, since = 1
    }

    /// Writes JSON into memory sized beforehand by ``encode(_:)``.
    private struct Writer {
        private var cursor: UnsafeMutablePointer<UInt8>

        init(_ start: UnsafeMutablePointer<UInt8>) { cursor = start }

        func written(since start: UnsafeMutablePointer<UInt8>) -> Int { cursor - start }

        mutating func byte(_ ascii: Unicode.Scalar) {
            cursor.pointee = UInt8(ascii: ascii)
            cursor += 1
        }

        mutating func null() {
            for byte in "null".utf8 {
                cursor.pointee = byte
                cursor += 1
            }
        }

        /// A JSON string known to need no escaping: a state, a keyword, a number.
        mutating func plain(_ value: String) {
            byte("\"")
            var value = value
            value.withUTF8 { utf8 in
                cursor.update(from: utf8.baseAddress!, count: utf8.count)
                cursor += utf8.count
            }
            byte("\"")
        }

        /// A JSON string: copied whole when nothing in it needs escaping, as ids, states, moments and most details.
        mutating func quoted(_ value: String) {
            byte("\"")
            var value = value
            value.withUTF8 { utf8 in
                guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                    cursor.update(from: utf8.baseAddress!, count: utf8.count)
                    cursor += utf8.count
                    return
                }
                for code in utf8 {
                    switch code {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape(Unicode.Scalar(code))
                    case UInt8(ascii: "\n"): escape("n")
                    case UInt8(ascii: "\r"): escape("r")
                    case UInt8(ascii: "\t"): escape("t")
                    case ..<0x20:
                        escape("u")
                        let hex = Array("0123456789abcdef".utf8)
                        for digit in [0, 0, hex[Int(code >> 4)], hex[Int(code & 0xF)]] {
                            cursor.pointee = digit == 0 ? UInt8(ascii: "0") : digit
                            cursor += 1
                        }
                    default:
                        cursor.pointee = code
                        cursor += 1
                    }
                }
            }
            byte("\"")
        }

        private mutating func escape(_ letter: Unicode.Scalar) {
            byte("\\")
            byte(letter)
        }
    }

    /// A reader for exactly this column's shape; every method returns `nil` on anything else.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func steps() -> [StepID: StoredStep]? {
            var result: [StepID: StoredStep] = [:]
            result.reserveCapacity(16)
            guard take(UInt8(ascii: "{")) else { return nil }
            if take(UInt8(ascii: "}")) { return atEnd ? result : nil }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")), take(UInt8(ascii: "[")),
                    let state = string().flatMap(StepState.init(rawValue:)), take(UInt8(ascii: ",")),
                    let seconds = string().flatMap(Double.init), take(UInt8(ascii: ",")),
                    let keyword = optionalString(), take(UInt8(ascii: ",")),
                    let detail = optionalString()
                else { return nil }
                var due: Date?
                var expectedBy: Date?
                var openedAt: Date?
                if take(UInt8(ascii: ",")) {
                    guard let moment = optionalMoment() else { return nil }
                    due = moment
                    if take(UInt8(ascii: ",")) {
                        guard let moment = optionalMoment() else { return nil }
                        expectedBy = moment
                        if take(UInt8(ascii: ",")) {
                            guard let seconds = string().flatMap(Double.init) else { return nil }
                            openedAt = Date(storedSeconds: seconds)
                        }
                    }
                }
                guard take(UInt8(ascii: "]")) else { return nil }
                var progress: StepProgress?
                if let keyword {
                    guard let known = StepProgress(keyword: keyword, detail: detail) else { return nil }
                    progress = known
                }
                result[StepID(key)] = StoredStep(progress: progress, state: state, since: Date(storedSeconds: seconds), due: due, expectedBy: expectedBy,
                    openedAt: openedAt)
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
            return atEnd ? result : nil
        }

        private var atEnd: Bool {
            mutating get {
                skipSpace()
                return position == bytes.count
            }
        }

        private mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// `.some(nil)` for JSON null, `.some(moment)` for a string of stored seconds, `nil` for anything else.
        private mutating func optionalMoment() -> Date?? {
            guard let text = optionalString() else { return nil }
            guard let text else { return .some(nil) }
            guard let seconds = Double(text) else { return nil }
            return .some(Date(storedSeconds: seconds))
        }

        /// `.some(nil)` for JSON null, `.some(text)` for a string, `nil` for anything else.
        private mutating func optionalString() -> String?? {
            skipSpace()
            if bytes.count - position >= 4, bytes[position] == UInt8(ascii: "n"), bytes[position + 1] == UInt8(ascii: "u"),
                bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l")
            {
                position += 4
                return .some(nil)
            }
            return string().map { .some($0) }
        }

        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            // The common case has no escapes: the bytes between the quotes are the string.
            while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
                position += 1
            }
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: "\"") {
                defer { position += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
            var unescaped = Array(bytes[start..<position])
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: unescaped, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { return nil }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
                    case UInt8(ascii: "n"): unescaped.append(0x0A)
                    case UInt8(ascii: "r"): unescaped.append(0x0D)
                    case UInt8(ascii: "t"): unescaped.append(0x09)
                    case UInt8(ascii: "b"): unescaped.append(0x08)
                    case UInt8(ascii: "f"): unescaped.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard let scalar = unicodeEscape() else { return nil }
                        unescaped.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                default: unescaped.append(byte)
                }
            }
            return nil
        }

        /// The scalar of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair.
        private mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let high = hex4() else { return nil }
            if (0xD800..<0xDC00).contains(high) {
                guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else { return nil }
                position += 2
                guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
            return Unicode.Scalar(high)
        }

        private mutating func hex4() -> UInt32? {
            guard bytes.count - position >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Character(Unicode.Scalar(bytes[position])).hexDigitValue else { return nil }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }
    }
}
