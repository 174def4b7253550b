/// A caseworker's request to see a person's fact values: the purpose they typed, checked before anything is read.
/// The purpose goes into the person's access journal, so it is kept short and to one line of printable text.
struct WebFactRequest {
    static let purposeLength = 5...200

    let purpose: String

    /// `nil` when the purpose is missing, too short or too long once spaces and control characters are folded.
    init?(purpose text: String?) {
        let folded = (text ?? "").unicodeScalars.map { $0.properties.generalCategory == .control || $0.properties.isWhitespace ? " " : String($0) }
            .joined().split(separator: " ").joined(separator: " ")
        guard Self.purposeLength.contains(folded.count) else { return nil }
        purpose = folded
    }
}
