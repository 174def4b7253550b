import Foundation

/// Kebab-case ids from titles in any script: `Check you're allowed to drive` → `check-youre-allowed-to-drive`,
/// `Ansök om körkort` → `ansok-om-korkort`. Letters without an ASCII form are dropped; what is left is never empty.
enum Slug {
    static let maximumLength = 60

    /// Letters that do not decompose into an ASCII letter and a mark.
    private static let spelled: [Character: String] = [
        "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŋ": "ng",
    ]

    /// The slug of `title`, or `fallback` when nothing of it can be spelt in ASCII.
    static func make(_ title: String, fallback: String) -> String {
        let folded = title.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en"))
        var slug = ""
        var pendingHyphen = false
        for character in folded {
            // Apostrophes join a word rather than split it: "you're" is one word.
            if character == "'" || character == "’" || character == "‘" { continue }
            let ascii: String? =
                if let mapped = spelled[character] { mapped } else if character.isASCII, character.isLetter || character.isNumber {
                    String(character)
                } else { nil }
            guard let ascii else {
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen { slug += "-" }
            pendingHyphen = false
            slug += ascii
        }
        if slug.count > maximumLength {
            // Cut at a word boundary when there is one.
            let cut = slug.prefix(maximumLength)
            slug = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
        }
        if let first = slug.first, !first.isLetter { slug = "step-" + slug }
        return slug.isEmpty ? fallback : slug
    }
}
