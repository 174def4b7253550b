import Foundation

/// An ISO 3166-1 alpha-2 country code such as `SE`, known to Lotsen's country table.
public struct CountryCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let alpha2: String

    /// Accepts a known alpha-2 code in any letter case; `nil` for anything else.
    public init?(_ code: String) {
        let upper = code.uppercased()
        guard CountryTable.byCode[upper] != nil else { return nil }
        self.alpha2 = upper
    }

    /// Finds a country by its code or by its Swedish or English name, ignoring case and diacritics.
    public init?(codeOrName input: String) {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        if let code = CountryCode(trimmed) {
            self = code
        } else if let code = CountryTable.byFoldedName[CountryTable.fold(trimmed)] {
            self.alpha2 = code
        } else {
            return nil
        }
    }

    /// The country's name in the given language.
    public func name(in language: Language) -> String { CountryTable.byCode[alpha2]?.name[language] ?? alpha2 }

    public var description: String { alpha2 }
    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.alpha2 < rhs.alpha2 }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let code = CountryCode(raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown country code"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(alpha2)
    }
}
