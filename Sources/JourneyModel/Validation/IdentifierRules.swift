/// The spelling rules for ids in journey and adapter files, so ids read the same everywhere (and in URLs).
enum IdentifierRules {
    /// `new-in-sweden`, `residence-permit`: lower-case letters and digits joined by single hyphens.
    static func isKebabCase(_ id: String) -> Bool {
        guard let first = id.first, first.isLowercaseASCIILetter, id.last != "-", !id.contains("--") else { return false }
        return id.allSatisfy { $0.isLowercaseASCIILetter || $0.isASCIIDigit || $0 == "-" }
    }

    /// `citizenship`, `hasChildren`: a lower-case letter, then letters and digits.
    static func isCamelCase(_ id: String) -> Bool {
        guard let first = id.first, first.isLowercaseASCIILetter else { return false }
        return id.allSatisfy { $0.isASCIIDigit || $0.isLowercaseASCIILetter || ("A"..."Z").contains($0) }
    }

    /// An absolute `https://` URL with a host.
    static func isHTTPSLink(_ link: String) -> Bool {
        guard link.hasPrefix("https://"), !link.contains(" ") else { return false }
        let rest = link.dropFirst("https://".count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".")
    }
}

extension Character {
    var isLowercaseASCIILetter: Bool { ("a"..."z").contains(self) }
}

extension JourneyID {
    /// Whether the id is spelt as journey files require: kebab-case, such as `new-in-sweden`.
    public var isWellFormed: Bool { IdentifierRules.isKebabCase(rawValue) }
}
