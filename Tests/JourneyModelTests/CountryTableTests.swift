import Testing

@testable import JourneyModel

@Suite("CountryTable")
struct CountryTableTests {
    @Test("holds all 249 officially assigned ISO 3166-1 alpha-2 codes, each once, upper case")
    func allCodes() async {
        #expect(CountryTable.entries.count == 249)
        #expect(Set(CountryTable.entries.map(\.code)).count == 249)
        #expect(CountryTable.byCode.count == 249)
        for entry in CountryTable.entries {
            #expect(entry.code.count == 2 && entry.code.allSatisfy { ("A"..."Z").contains($0) }, "\(entry.code)")
            #expect(!entry.name.sv.isEmpty && !entry.name.en.isEmpty, "\(entry.code)")
        }
    }

    @Test("every Swedish and English name leads back to its own country")
    func namesAreUnambiguous() async {
        for entry in CountryTable.entries {
            #expect(CountryTable.byFoldedName[CountryTable.fold(entry.name.sv)] == entry.code, "\(entry.name.sv)")
            #expect(CountryTable.byFoldedName[CountryTable.fold(entry.name.en)] == entry.code, "\(entry.name.en)")
        }
    }

    @Test("every alias names a known country and is not another country's name")
    func aliases() async {
        for (alias, code) in CountryTable.aliases {
            #expect(CountryTable.byCode[code] != nil, "\(alias)")
            #expect(CountryTable.byFoldedName[CountryTable.fold(alias)] == code, "\(alias)")
        }
    }

    @Test("finds a country by code or by Swedish or English name, ignoring case and diacritics", arguments: [
        ("Österrike", "AT"), ("osterrike", "AT"), ("ÖSTERRIKE", "AT"), ("Austria", "AT"), ("  austria ", "AT"),
        ("Tyskland", "DE"), ("Germany", "DE"), ("Storbritannien", "GB"), ("United Kingdom", "GB"), ("USA", "US"),
        ("Förenta staterna", "US"), ("Vitryssland", "BY"), ("Belarus", "BY"), ("Åland", "AX"), ("aland", "AX"),
        ("Curacao", "CW"), ("Elfenbenskusten", "CI"), ("Cote d'Ivoire", "CI"), ("Sverige", "SE"), ("se", "SE"),
        ("nO", "NO"),
    ])
    func lookups(input: String, code: String) {
        #expect(CountryCode(codeOrName: input)?.alpha2 == code)
    }

    @Test("unknown names and codes are not countries", arguments: ["Atlantis", "XX", "", "EU", "Europa"])
    func unknown(input: String) async {
        #expect(CountryCode(codeOrName: input) == nil)
    }

    @Test("names are given in the language asked for")
    func namesByLanguage() async {
        let austria = CountryCode("at")!
        #expect(austria.name(in: .sv) == "Österrike")
        #expect(austria.name(in: .en) == "Austria")
        #expect(CountryCode("GB")!.name(in: .sv) == "Storbritannien")
    }

    @Test("the EU has 27 member states, the EEA 30, with Switzerland 31")
    func setSizes() async {
        #expect(CountryTable.eu.members.count == 27)
        #expect(CountryTable.euEEA.members.count == 30)
        #expect(CountryTable.euEEAAndSwitzerland.members.count == 31)
        #expect(CountryTable.nordic.members.count == 8)
    }

    @Test("each set contains the one before it")
    func setsNest() async {
        #expect(CountryTable.eu.members.isSubset(of: CountryTable.euEEA.members))
        #expect(CountryTable.euEEA.members.subtracting(CountryTable.eu.members) == ["IS", "LI", "NO"])
        #expect(CountryTable.euEEAAndSwitzerland.members.subtracting(CountryTable.euEEA.members) == ["CH"])
        #expect(!CountryTable.eu.members.contains("GB"))
        #expect(!CountryTable.eu.members.contains("NO"))
    }

    @Test("every set member is a known code, and the sets are reachable by name", arguments: ["EU", "EU_EEA", "EU_EEA_CH", "NORDIC"])
    func setsByName(name: String) async throws {
        let set = try #require(CountrySet.all[name])
        #expect(set.name == name)
        #expect(!set.summary.isEmpty)
        for member in set.members { #expect(CountryTable.byCode[member] != nil, "\(member)") }
        #expect(set.contains(CountryCode("SE")!))
    }

    @Test("Åland, the Faroe Islands and Greenland count as Nordic, but not as EU")
    func nordic() async {
        for code in ["AX", "FO", "GL", "DK", "FI", "IS", "NO", "SE"] {
            #expect(CountrySet.all["NORDIC"]!.contains(CountryCode(code)!), "\(code)")
        }
        #expect(!CountryTable.eu.members.contains("FO"))
        #expect(!CountryTable.eu.members.contains("GL"))
    }
}
