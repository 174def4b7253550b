/// A text in Swedish and English. Journey files must give both; the validator reports a missing one.
public struct LocalizedText: Hashable, Codable, Sendable {
    public var sv: String
    public var en: String

    public init(sv: String, en: String) {
        self.sv = sv
        self.en = en
    }

    /// The same text in both languages, for names that do not translate (such as an agency name).
    public init(_ both: String) { self.init(sv: both, en: both) }

    public subscript(language: Language) -> String {
        switch language {
        case .sv: sv
        case .en: en
        }
    }
}
