import Foundation
import JourneyModel
import JourneyStore

/// The opaque `cursor` of a person's journal, base64url: the last sequence of the page before, bound to the person,
/// so that a cursor from one person's journal is refused on another's.
enum JournalCursor {
    static func encode(_ sequence: Int64, person: PersonID) -> String {
        let text = binding(person) + "." + String(sequence)
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The sequence in `text`, or 400 naming `cursor`.
    static func decode(_ text: String, person: PersonID) throws(APIError) -> Int64 {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let parts = Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) }?.split(separator: ".", maxSplits: 1) ?? []
        guard parts.count == 2, let sequence = Int64(parts[1]), sequence >= 0, parts[0] == binding(person) else {
            throw APIError.badRequest("invalidParameter", "'cursor' must be a cursor from a previous page of this journal", field: "cursor")
        }
        return sequence
    }

    private static func binding(_ person: PersonID) -> String { String(Fingerprint.sha256("journal\n" + person.rawValue).prefix(16)) }
}
