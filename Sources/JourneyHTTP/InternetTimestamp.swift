import Foundation
import JourneyModel

/// RFC 3339 timestamps in UTC to the whole second (`2026-11-28T19:46:38Z`), byte for byte what `JSONEncoder`'s
/// `.iso8601` strategy and `ISO8601DateFormatter` write, without their formatter and locale machinery: every
/// response and every log line carries one, and the formatter was a measurable part of a status read.
enum InternetTimestamp {
    /// Appends the timestamp of `date` to `bytes`.
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        // The formatter rounds to the nearest millisecond before it drops the fraction: a moment within half a
        // millisecond of the next second is written as that second, so it must be here too.
        let milliseconds = Int(((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000).rounded())
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = CalendarDate(dayNumber: days)
        appendDigits(date.year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// The timestamp of `date` as a string.
    static func string(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var value = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            value %= divisor
            divisor /= 10
        }
    }
}
