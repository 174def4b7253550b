/// How a language writes the answers a person types: yes and no, and a number's decimal mark.
extension Language {
    /// The words for yes, the first as an answer is shown; every language's are understood, whatever the reader's.
    public var yesWords: [String] {
        switch self {
        case .sv: ["ja"]
        case .en: ["yes"]
        case .ar: ["نعم"]
        case .fa: ["بله", "بلی", "آره"]
        case .so: ["haa"]
        case .ti: ["እወ"]
        case .uk: ["так"]
        }
    }

    /// The words for no, the first as an answer is shown.
    public var noWords: [String] {
        switch self {
        case .sv: ["nej"]
        case .en: ["no"]
        case .ar: ["لا"]
        case .fa: ["نه", "خیر"]
        case .so: ["maya"]
        case .ti: ["ኣይፋል", "ኣይኮነን"]
        case .uk: ["ні"]
        }
    }

    /// Yes, as an answer is shown to the reader.
    public var yes: String { yesWords[0] }
    /// No, as an answer is shown to the reader.
    public var no: String { noWords[0] }

    /// Whether numbers are written with a decimal comma and thousands grouped by spaces (`100 000`, `2,5`), as in
    /// Swedish and Ukrainian; the others write a decimal point and group with commas (`100,000`, `2.5`).
    public var writesDecimalComma: Bool { self == .sv || self == .uk }
}
