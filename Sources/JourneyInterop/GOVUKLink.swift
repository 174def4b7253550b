import Foundation

/// Turns a step-by-step link into an absolute `https://` address, or says why it cannot be one.
///
/// GOV.UK writes its own pages as paths (`/vehicles-can-drive`), which are made absolute on `www.gov.uk`.
/// Only web links are kept: `javascript:`, `data:`, `mailto:` and every other scheme are refused, however
/// they are spelt (`JaVaScRiPt:`, with tabs or line breaks inside, or with leading spaces).
enum GOVUKLink {
    static let origin = "https://www.gov.uk"

    enum Outcome: Equatable {
        case kept(String)
        /// Kept, but changed in a way the author should know about.
        case changed(String, note: String)
        case refused(reason: String)
    }

    static func resolve(_ raw: String) -> Outcome {
        // Browsers ignore ASCII tabs and line breaks anywhere in a URL and spaces around it; so must the check.
        let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
            .trimmingCharacters(in: CharacterSet(charactersIn: " \u{0C}\u{0B}\u{00A0}"))
        guard !cleaned.isEmpty else { return .refused(reason: "the link is empty") }
        if cleaned.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .refused(reason: "the link contains control characters")
        }
        let address: String
        var note: String?
        if cleaned.hasPrefix("//") {
            address = "https:" + cleaned
        } else if cleaned.hasPrefix("/") || cleaned.hasPrefix("#") || cleaned.hasPrefix("?") {
            address = origin + (cleaned.hasPrefix("/") ? "" : "/") + cleaned
        } else if let scheme = scheme(of: cleaned) {
            switch scheme {
            case "https": address = "https:" + cleaned.dropFirst(scheme.count + 1)
            case "http":
                address = "https:" + cleaned.dropFirst(scheme.count + 1)
                note = "changed from http:// to https://, which Lotsen requires; check that the page answers there"
            default: return .refused(reason: "only web links (https:// or http://) are imported, not '\(scheme):'")
            }
        } else {
            // A relative path without a leading slash, such as "vehicles-can-drive", is relative to www.gov.uk's root.
            address = origin + "/" + cleaned
        }
        guard isUsable(address) else { return .refused(reason: "'\(String(cleaned.prefix(80)))' is not a usable web address") }
        return note.map { .changed(address, note: $0) } ?? .kept(address)
    }

    /// The lower-cased scheme, when the text starts with one (`scheme:` before any `/`, `?` or `#`).
    private static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }

    /// An https address with a host that has a dot and no user part, and no characters YAML or a terminal would mangle.
    private static func isUsable(_ address: String) -> Bool {
        guard address.hasPrefix("https://"), !address.contains(where: { $0 == " " || $0 == "\\" || $0 == "\"" || $0 == "<" || $0 == ">" }),
            address.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else { return false }
        let rest = address.dropFirst("https://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // "https://www.gov.uk@evil.example" would take the reader elsewhere than it seems to.
        guard !authority.contains("@") else { return false }
        let host = authority.prefix { $0 != ":" }
        return host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".") && !host.contains("..")
    }
}
