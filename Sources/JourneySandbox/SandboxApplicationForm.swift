import Foundation
import JourneyModel

/// What an application service accepts in `fields`, and the script its cases follow.
struct SandboxApplicationForm: Sendable {
    /// How one field's value is checked; a refusal names the field, never the value.
    enum Rule: Sendable, Equatable {
        /// A non-empty string.
        case text
        /// A valid personnummer or samordningsnummer, twelve digits.
        case personnummer
        /// An ISO 3166-1 alpha-2 country code such as `SE`.
        case country
        /// One of these option ids.
        case choice(Set<String>)
        /// A calendar date, `YYYY-MM-DD`.
        case date
        /// A number, such as an estimate in kronor: a JSON number, or a string holding one.
        case number
    }

    /// Field name in the application → its rule: exactly the field names of the adapter file's `sends`.
    let fields: [String: Rule]
    /// Fields an application may leave out: Lotsen sends only what the journey step needs.
    let optional: Set<String>
    /// The stages after `received`, chosen from the (already checked) submission.
    let script: @Sendable (Submission) -> [SandboxCaseStage]

    init(fields: [String: Rule], optional: Set<String> = [], script: @escaping @Sendable (Submission) -> [SandboxCaseStage]) {
        self.fields = fields
        self.optional = optional
        self.script = script
    }

    /// A checked application: its subject's number, if any, and its fields.
    struct Submission: Sendable {
        let subject: Personnummer?
        let fields: [String: SandboxJSON]

        func text(_ field: String) -> String { fields[field]?.stringValue ?? "" }
    }

    /// Checks one value against its rule; `nil` when it passes, otherwise what is wrong, naming the field only.
    static func problem(with value: SandboxJSON, field: String, rule: Rule) -> String? {
        if rule == .number {
            if case .number = value { return nil }
            guard let text = value.stringValue, Double(text.trimmingCharacters(in: .whitespaces)) != nil else {
                return "The field '\(field)' must be a number."
            }
            return nil
        }
        guard let text = value.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return "The field '\(field)' must be a non-empty string."
        }
        switch rule {
        case .text, .number:
            return nil
        case .personnummer:
            guard text.filter(\.isNumber).count == 12, (try? Personnummer(parsing: text)) != nil else {
                return "The field '\(field)' is not a valid personnummer or samordningsnummer (twelve digits, YYYYMMDDNNNC)."
            }
            return nil
        case .country:
            guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                return "The field '\(field)' must be an ISO 3166-1 alpha-2 country code, such as SE."
            }
            return nil
        case .date:
            guard CalendarDate(iso: text) != nil else {
                return "The field '\(field)' must be a date, YYYY-MM-DD."
            }
            return nil
        case .choice(let options):
            guard options.contains(text) else {
                return "The field '\(field)' must be one of: \(options.sorted().joined(separator: ", "))."
            }
            return nil
        }
    }
}
