import JourneyModel

/// The people, records and rules the sandbox agencies are seeded with, for tests and demos that need to know them.
///
/// Every personal identity number is one of Skatteverket's official test numbers (``OfficialTestNumbers``); names and
/// addresses are fictional. No other number has a record anywhere in the sandbox. Every population record says whether
/// the person is registered (folkbokförd): all are, but the samordningsnummer holder.
///
/// | number | population register (Skatteverket) | custody (Skatteverket) | residence permit (Migrationsverket) | company (Bolagsverket) |
/// | --- | --- | --- | --- | --- |
/// | 199001012385 | Tolvan Tolvansson, Testgatan 1, 123 45 Exempelstad, gift; birth record: 201901012391 born 2019-01-01, parents married | guardian of 201901012391 | valid | owns 2021005489 |
/// | 201901012391 | Lillen Tolvansson, Testgatan 1, 123 45 Exempelstad, ogift | – | – | – |
/// | 202301612392 (samordningsnummer) | Sam Samordningsson, Provvägen 3, 123 46 Exempelstad, ogift | – | expired (`valid: false`) | – |
/// | 200002292399 | two records (Testa Testsson at two addresses): an ambiguous match | guardian of 201901012391 and of 202301612392 | – | – |
/// | 190001019801 | no record | – | – | – |
public enum SandboxSeed {
    /// Has a record in every register: population register, a valid residence permit, and a company.
    public static let registeredPerson = OfficialTestNumbers.personnummer
    /// A child of ``registeredPerson``, at the same address, born 2019-01-01 (Skatteverket's birth record).
    public static let child = OfficialTestNumbers.childPersonnummer
    /// The child's other guardian (``child`` has two, so both may act), and the only guardian of
    /// ``coordinationNumberPerson``: another parent's child as far as ``registeredPerson`` is concerned.
    public static let secondGuardian = OfficialTestNumbers.secondGuardianPersonnummer
    /// A samordningsnummer with a population record and an expired residence permit.
    public static let coordinationNumberPerson = OfficialTestNumbers.samordningsnummer
    /// Two population records answer to this number, so a lookup returns two matches.
    public static let ambiguousPerson = OfficialTestNumbers.leapDayPersonnummer
    /// No register knows this number: lookups return no match, and applications that send a `personnummer` are
    /// decided rejected.
    public static let unknownPerson = OfficialTestNumbers.centenarianPersonnummer

    /// The organisationsnummer of ``registeredPerson``'s company, and of every limited company the sandbox registers.
    /// It is Bolagsverket's own (public) number, so the sandbox never hands out a number that may belong to a real
    /// company.
    public static let companyOrganisationsnummer = OfficialTestNumbers.organisationsnummerBolagsverket

    /// Company names already registered: Bolagsverket's name check rejects them (compared ignoring case and spacing).
    public static let takenCompanyNames = ["Testbolaget AB", "Exempelbolaget i Exempelstad AB"]

    /// Any application with a text field containing this word (ignoring case) is decided rejected: a rejection a
    /// test can ask for with any service.
    public static let rejectionMarker = "avslag"
}
