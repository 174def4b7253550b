import Foundation

/// A Swedish organisationsnummer: the identity of a legal person (company, association, agency, municipality…).
///
/// Parsing accepts `NNNNNN-NNNN`, `NNNNNNNNNN`, and the twelve-digit form with the prefix `16` that Skatteverket
/// and Bolagsverket use in some files (`16NNNNNNNNNN`, `16NNNNNN-NNNN`). The third digit is always 2 or more;
/// that is what tells it apart from a personnummer, which a sole trader (enskild firma) uses instead.
/// Organisationsnummer are public, so ``description`` shows the number.
public struct Organisationsnummer: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The broad kind of legal person, implied by the first digit.
    ///
    /// Source: Bolagsverket, "Organisationsnummer" (bolagsverket.se), and Skatteverket's description of the
    /// organisationsnummer; the groups are Bolagsverket's and Skatteverket's, the case names are ours.
    public enum LegalFormGroup: Int, Hashable, Sendable, Codable, CaseIterable {
        /// 1: dödsbon (estates of deceased persons).
        case estate = 1
        /// 2: stat, regioner, kommuner och församlingar (the state, regions, municipalities, parishes).
        case stateRegionOrMunicipality = 2
        /// 3: utländska företag som bedriver näringsverksamhet eller äger fastigheter i Sverige.
        case foreignCompany = 3
        /// 5: aktiebolag (limited companies).
        case limitedCompany = 5
        /// 6: enkla bolag (simple partnerships).
        case simplePartnership = 6
        /// 7: ekonomiska föreningar och bostadsrättsföreningar (co-operatives, housing co-operatives).
        case economicAssociation = 7
        /// 8: ideella föreningar och stiftelser (non-profit associations and foundations).
        case nonProfitAssociationOrFoundation = 8
        /// 9: handelsbolag och kommanditbolag (trading and limited partnerships).
        case partnership = 9
    }

    /// The ten digits `NNNNNNNNNN`, without the `16` prefix.
    public let tenDigits: String

    /// Parses an organisationsnummer as it is written.
    public init(parsing input: String) throws(IdentityNumberError) {
        self.tenDigits = try Organisationsnummer.canonical(from: input)
    }

    /// `NNNNNN-NNNN`, the form printed on registration certificates.
    public var formatted: String { "\(tenDigits.prefix(6))-\(tenDigits.suffix(4))" }

    /// The group implied by the first digit, or `nil` for a first digit that has no assigned group.
    public var legalFormGroup: LegalFormGroup? { LegalFormGroup(rawValue: Int(String(tenDigits.first!))!) }

    public var description: String { formatted }

    /// Encodes as the ten-digit string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tenDigits)
    }

    /// Decodes any form ``init(parsing:)`` accepts, and validates it.
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do {
            self.tenDigits = try Organisationsnummer.canonical(from: raw)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    private static func canonical(from input: String) throws(IdentityNumberError) -> String {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty(.organisationsnummer) }

        var digits: [Int] = []
        var separatorIndex: Int?
        for character in trimmed {
            if character.isASCIIDigit {
                digits.append(character.wholeNumberValue!)
            } else if IdentityText.isHyphen(character) {
                guard separatorIndex == nil else { throw .misplacedSeparator(.organisationsnummer) }
                separatorIndex = digits.count
            } else {
                throw .unexpectedCharacter(.organisationsnummer)
            }
        }

        let prefixLength: Int
        switch digits.count {
        case 10: prefixLength = 0
        case 12:
            guard digits[0] == 1, digits[1] == 6 else {
                // Twelve digits with a month where the third digit should be: a personnummer with its century.
                throw digits[4] < 2 ? .thirdDigitTooLow : .unknownPrefix
            }
            prefixLength = 2
        default: throw .wrongLength(.organisationsnummer, digits: digits.count)
        }
        if let separatorIndex, separatorIndex != prefixLength + 6 { throw .misplacedSeparator(.organisationsnummer) }

        let tenDigits = Array(digits.dropFirst(prefixLength))
        // The "month" position of a personnummer is 0 or 1; organisationsnummer start that position at 2.
        guard tenDigits[2] >= 2 else { throw .thirdDigitTooLow }
        guard Luhn.isValid(tenDigits) else { throw .checkDigitMismatch(.organisationsnummer) }
        return tenDigits.map(String.init).joined()
    }
}
