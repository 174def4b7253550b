/// A named set of countries that conditions can test with `in`, such as `citizenship in EU_EEA`.
public struct CountrySet: Sendable {
    public let name: String
    public let summary: String
    public let members: Set<String>

    /// Every set a condition may name.
    public static let all: [String: CountrySet] = Dictionary(
        uniqueKeysWithValues: [CountryTable.eu, CountryTable.euEEA, CountryTable.nordic, CountryTable.euEEAAndSwitzerland].map { ($0.name, $0) }
    )

    public func contains(_ code: CountryCode) -> Bool { members.contains(code.alpha2) }
}
