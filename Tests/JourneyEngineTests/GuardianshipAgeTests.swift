import JourneyEngine
import JourneyModel
import Testing

/// Who is under 18, in days in Sweden, from the birth date a number carries.
@Suite("Guardianship: a child is under 18 until the 18th anniversary of the birth date in their number")
struct GuardianshipAgeTests {
    @Test("the day before the 18th birthday is the last one a guardian acts; from the birthday on, no more")
    func eighteenthBirthday() throws {
        let child = try Personnummer(parsing: OfficialTestNumbers.childPersonnummer)
        #expect(Guardianship.firstDayOfAge(of: child) == CalendarDate(year: 2037, month: 1, day: 1))
        #expect(Guardianship.isMinor(child, on: CalendarDate(year: 2036, month: 12, day: 31)!))
        #expect(!Guardianship.isMinor(child, on: CalendarDate(year: 2037, month: 1, day: 1)!))
    }

    @Test("a birth on 29 February comes of age on 1 March in a year without one")
    func leapDayBirth() throws {
        let born = try Personnummer(parsing: OfficialTestNumbers.leapDayPersonnummer)
        #expect(Guardianship.firstDayOfAge(of: born) == CalendarDate(year: 2018, month: 3, day: 1))
        #expect(Guardianship.isMinor(born, on: CalendarDate(year: 2018, month: 2, day: 28)!))
    }

    @Test("a samordningsnummer counts from the real birth day, its day less 60")
    func coordinationNumber() throws {
        let number = try Personnummer(parsing: OfficialTestNumbers.samordningsnummer)
        #expect(Guardianship.firstDayOfAge(of: number) == CalendarDate(year: 2041, month: 1, day: 1))
    }
}
