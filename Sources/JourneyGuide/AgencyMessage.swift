import Foundation
import JourneyModel

/// An agency's message in the reader's language only. Agencies that write in both languages send Swedish, " / ",
/// then English (the adapter joins a message given per language the same way, Swedish first); the reader gets their
/// own half: Swedish in Swedish, English otherwise, marked as English in a language that is neither.
struct AgencyMessage {
    let text: String

    init(_ text: String) { self.text = text }

    /// The half for `strings`' language; a message with no " / " or more than one is shown whole, as written.
    func shown(_ strings: GuideStrings) -> String {
        let parts = text.components(separatedBy: " / ")
        guard parts.count == 2, parts.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return text }
        switch strings.language {
        case .sv: return parts[0]
        case .en: return parts[1]
        default: return "\(strings.inEnglish) \(parts[1])"
        }
    }
}
