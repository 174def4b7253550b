/// Identity numbers that are safe to use in tests, examples, fixtures and the sandbox agencies.
///
/// Never invent a personnummer: a made-up number with a valid check digit very likely belongs to a living
/// person. The personal numbers here come from Skatteverket's open data set "Testpersonnummer" and
/// "Testsamordningsnummer" (published as CSV on skatteverket.se and dataportal.se, licence CC0), numbers
/// Skatteverket has reserved for testing and never assigns to anyone. Each one passes the Luhn check.
/// The organisationsnummer are those of public agencies, which are public information.
public enum OfficialTestNumbers {
    /// A test personnummer born 1990-01-01 (woman), from Skatteverket's "Testpersonnummer" list.
    public static let personnummer = "199001012385"
    /// A test personnummer born on a leap day, 2000-02-29 (man), from Skatteverket's "Testpersonnummer" list.
    public static let leapDayPersonnummer = "200002292399"
    /// A test personnummer born 2000-02-29 (man), from Skatteverket's "Testpersonnummer" list: the same as
    /// ``leapDayPersonnummer``, named for what the sandbox makes of him, the second guardian of
    /// ``childPersonnummer`` (no other adult number of the list is kept here, and inventing one is never right).
    public static let secondGuardianPersonnummer = leapDayPersonnummer
    /// A test personnummer born 1900-01-01 (man), aged 100 or more, so its ten-digit form is written with `+`
    /// (`000101+9801`); from Skatteverket's "Testpersonnummer" list.
    public static let centenarianPersonnummer = "190001019801"
    /// A test personnummer born 2019-01-01 (man), from Skatteverket's "Testpersonnummer" list.
    public static let childPersonnummer = "201901012391"
    /// A test samordningsnummer for a person born 2023-01-01 (day 61 = 1 + 60), from Skatteverket's
    /// "Testsamordningsnummer" list.
    public static let samordningsnummer = "202301612392"
    /// Skatteverket's own organisationsnummer.
    public static let organisationsnummerSkatteverket = "2021005448"
    /// Bolagsverket's own organisationsnummer.
    public static let organisationsnummerBolagsverket = "2021005489"
}
