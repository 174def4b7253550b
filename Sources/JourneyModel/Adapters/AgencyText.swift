/// The rule for texts an agency gives Lotsen to show a person: a case message (what to do, why an application was
/// rejected) and a case reference. Both arrive from outside (agency events on the JSON API, case answers from an
/// agency's own API), are stored, and are printed on terminals, so each is bounded and plain: no control characters
/// (``ControlCharacters``: a message is one paragraph, without line breaks or tabs) and at most a set length.
public enum AgencyText {
    /// The longest case message, in characters (Unicode scalars).
    public static let messageLength = 2000
    /// The longest case reference or case id, in characters.
    public static let referenceLength = 200

    /// What is wrong with `text` as a value of at most `limit` characters, in English, or `nil` when it is usable.
    /// Never repeats the text.
    public static func problem(in text: String, limit: Int) -> String? {
        if text.allSatisfy(\.isWhitespace) { return "is empty" }
        if let control = ControlCharacters.first(in: text) {
            return "has a control character (\(ControlCharacters.name(control.scalar))) at character \(control.position)"
        }
        if text.unicodeScalars.count > limit { return "is longer than \(limit) characters" }
        return nil
    }

    /// How to send a usable text, for an error's hint.
    public static func hint(limit: Int) -> String {
        "send 1 to \(limit) characters of plain text: one paragraph without line breaks, tabs or escape codes"
    }
}
