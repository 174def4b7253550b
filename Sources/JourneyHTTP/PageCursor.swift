import Foundation
import HTTPTypes
import JourneyModel
import JourneyStore

/// The opaque `cursor` of a caseworker list, base64url: the keyset position, bound to the filters of the list it
/// came from. The same position under other filters would skip or repeat people, so such a cursor is refused.
enum PageCursor {
    /// A fingerprint of every filter that decides which enrollments a list holds and in what order (not `limit`:
    /// pages may grow or shrink). `days` is `unchangedForDays` as given, not the moment it stands for, which moves on.
    static func filters(of query: EnrollmentQuery, days: Int?, due: String? = nil) -> String {
        var text = [
            "journey=\(query.journey?.rawValue ?? "")", "step=\(query.step?.rawValue ?? "")", "stepState=\(query.stepState?.rawValue ?? "")",
            "status=\(query.status?.rawValue ?? "")", "ball=\(query.ball?.rawValue ?? "")", "days=\(days.map(String.init) ?? "")",
        ].joined(separator: "\n")
        // Added only when given, so cursors of lists without it stay valid across this version.
        if let due { text += "\ndue=\(due)" }
        return String(Fingerprint.sha256(text).prefix(16))
    }

    static func encode(_ cursor: EnrollmentCursor, filters: String) -> String {
        // A due list's cursor names the step too (several steps of one enrollment can be due): after a "/", which
        // enrollment ids never hold.
        let text = filters + "." + String(cursor.moment.timeIntervalSinceReferenceDate.bitPattern, radix: 16) + "." + cursor.enrollment.rawValue
            + (cursor.step.map { "/" + $0.rawValue } ?? "")
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The position in `text`, or 400 naming `cursor`: when it is not a cursor, or one made for other filters.
    static func decode(_ text: String, filters: String) throws(APIError) -> EnrollmentCursor {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let parts = Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) }?.split(separator: ".", maxSplits: 2) ?? []
        guard parts.count == 3, let bits = UInt64(parts[1], radix: 16), Double(bitPattern: bits).isFinite else {
            throw APIError.badRequest("invalidParameter", "'cursor' must be a cursor from a previous page", field: "cursor")
        }
        guard parts[0] == filters else {
            throw APIError(.badRequest, "invalidParameter", "'cursor' was made for a list with other filters", field: "cursor",
                hint: "give the same journey, step, stepState, status, ball and unchangedForDays as the page it came from, or leave out 'cursor' to start again")
        }
        let position = parts[2].split(separator: "/", maxSplits: 1)
        return EnrollmentCursor(moment: Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits)), enrollment: EnrollmentID(String(position[0])),
            step: position.count > 1 ? StepID(String(position[1])) : nil)
    }
}
