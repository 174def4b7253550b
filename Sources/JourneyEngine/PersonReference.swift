import Foundation
import JourneyModel

/// How a caller names a person: by Lotsen's own reference, by personnummer or samordningsnummer,
/// or as a newcomer who has neither yet.
public enum PersonReference: Hashable, Sendable {
    case id(PersonID)
    case identity(Personnummer)
    /// A newcomer: the engine issues a reference.
    case new

    /// The prefix of every reference Lotsen issues (`lp-7k2m9q4x1c`).
    public static let idPrefix = "lp-"

    /// Reads `new`, a Lotsen reference, or a personnummer/samordningsnummer. The error never repeats the input.
    public init(parsing input: String, today: CalendarDate = .today()) throws(EngineError) {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        if trimmed == "new" {
            self = .new
        } else if trimmed.hasPrefix(PersonReference.idPrefix) {
            self = .id(PersonID(trimmed))
        } else {
            do {
                self = .identity(try Personnummer(parsing: trimmed, today: today))
            } catch {
                throw EngineError(.invalidValue, "not a valid person: \(error.message)",
                    hint: "give a personnummer or samordningsnummer, a Lotsen reference (lp-...), or 'new' if you have neither yet")
            }
        }
    }
}
