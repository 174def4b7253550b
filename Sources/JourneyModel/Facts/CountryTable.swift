import Foundation

/// Every officially assigned ISO 3166-1 alpha-2 code (249) with its short name in English and Swedish,
/// and the named sets of countries that conditions test with `in`.
///
/// English names are the ISO short names, using the common form where ISO's is an inverted or formal one
/// ("Iran", not "Iran, Islamic Republic of"). Swedish names are the short forms Swedish agencies and
/// Språkrådet's list of country names use ("Tyskland", "Storbritannien", "USA", "Belarus", "Eswatini").
/// Older or formal names people still type ("Vitryssland", "Förenade kungariket") are in ``aliases``.
enum CountryTable {
    struct Entry: Hashable, Sendable {
        /// ISO 3166-1 alpha-2, upper case.
        let code: String
        let name: LocalizedText

        init(_ code: String, en: String, sv: String) {
            self.code = code
            self.name = LocalizedText(sv: sv, en: en)
        }
    }

    static let entries: [Entry] = [
        Entry("AD", en: "Andorra", sv: "Andorra"),
        Entry("AE", en: "United Arab Emirates", sv: "Förenade arabemiraten"),
        Entry("AF", en: "Afghanistan", sv: "Afghanistan"),
        Entry("AG", en: "Antigua and Barbuda", sv: "Antigua och Barbuda"),
        Entry("AI", en: "Anguilla", sv: "Anguilla"),
        Entry("AL", en: "Albania", sv: "Albanien"),
        Entry("AM", en: "Armenia", sv: "Armenien"),
        Entry("AO", en: "Angola", sv: "Angola"),
        Entry("AQ", en: "Antarctica", sv: "Antarktis"),
        Entry("AR", en: "Argentina", sv: "Argentina"),
        Entry("AS", en: "American Samoa", sv: "Amerikanska Samoa"),
        Entry("AT", en: "Austria", sv: "Österrike"),
        Entry("AU", en: "Australia", sv: "Australien"),
        Entry("AW", en: "Aruba", sv: "Aruba"),
        Entry("AX", en: "Åland Islands", sv: "Åland"),
        Entry("AZ", en: "Azerbaijan", sv: "Azerbajdzjan"),
        Entry("BA", en: "Bosnia and Herzegovina", sv: "Bosnien och Hercegovina"),
        Entry("BB", en: "Barbados", sv: "Barbados"),
        Entry("BD", en: "Bangladesh", sv: "Bangladesh"),
        Entry("BE", en: "Belgium", sv: "Belgien"),
        Entry("BF", en: "Burkina Faso", sv: "Burkina Faso"),
        Entry("BG", en: "Bulgaria", sv: "Bulgarien"),
        Entry("BH", en: "Bahrain", sv: "Bahrain"),
        Entry("BI", en: "Burundi", sv: "Burundi"),
        Entry("BJ", en: "Benin", sv: "Benin"),
        Entry("BL", en: "Saint Barthélemy", sv: "Saint-Barthélemy"),
        Entry("BM", en: "Bermuda", sv: "Bermuda"),
        Entry("BN", en: "Brunei", sv: "Brunei"),
        Entry("BO", en: "Bolivia", sv: "Bolivia"),
        Entry("BQ", en: "Bonaire, Sint Eustatius and Saba", sv: "Bonaire, Sint Eustatius och Saba"),
        Entry("BR", en: "Brazil", sv: "Brasilien"),
        Entry("BS", en: "Bahamas", sv: "Bahamas"),
        Entry("BT", en: "Bhutan", sv: "Bhutan"),
        Entry("BV", en: "Bouvet Island", sv: "Bouvetön"),
        Entry("BW", en: "Botswana", sv: "Botswana"),
        Entry("BY", en: "Belarus", sv: "Belarus"),
        Entry("BZ", en: "Belize", sv: "Belize"),
        Entry("CA", en: "Canada", sv: "Kanada"),
        Entry("CC", en: "Cocos (Keeling) Islands", sv: "Kokosöarna (Keelingöarna)"),
        Entry("CD", en: "Democratic Republic of the Congo", sv: "Kongo-Kinshasa"),
        Entry("CF", en: "Central African Republic", sv: "Centralafrikanska republiken"),
        Entry("CG", en: "Republic of the Congo", sv: "Kongo-Brazzaville"),
        Entry("CH", en: "Switzerland", sv: "Schweiz"),
        Entry("CI", en: "Côte d'Ivoire", sv: "Elfenbenskusten"),
        Entry("CK", en: "Cook Islands", sv: "Cooköarna"),
        Entry("CL", en: "Chile", sv: "Chile"),
        Entry("CM", en: "Cameroon", sv: "Kamerun"),
        Entry("CN", en: "China", sv: "Kina"),
        Entry("CO", en: "Colombia", sv: "Colombia"),
        Entry("CR", en: "Costa Rica", sv: "Costa Rica"),
        Entry("CU", en: "Cuba", sv: "Kuba"),
        Entry("CV", en: "Cabo Verde", sv: "Kap Verde"),
        Entry("CW", en: "Curaçao", sv: "Curaçao"),
        Entry("CX", en: "Christmas Island", sv: "Julön"),
        Entry("CY", en: "Cyprus", sv: "Cypern"),
        Entry("CZ", en: "Czechia", sv: "Tjeckien"),
        Entry("DE", en: "Germany", sv: "Tyskland"),
        Entry("DJ", en: "Djibouti", sv: "Djibouti"),
        Entry("DK", en: "Denmark", sv: "Danmark"),
        Entry("DM", en: "Dominica", sv: "Dominica"),
        Entry("DO", en: "Dominican Republic", sv: "Dominikanska republiken"),
        Entry("DZ", en: "Algeria", sv: "Algeriet"),
        Entry("EC", en: "Ecuador", sv: "Ecuador"),
        Entry("EE", en: "Estonia", sv: "Estland"),
        Entry("EG", en: "Egypt", sv: "Egypten"),
        Entry("EH", en: "Western Sahara", sv: "Västsahara"),
        Entry("ER", en: "Eritrea", sv: "Eritrea"),
        Entry("ES", en: "Spain", sv: "Spanien"),
        Entry("ET", en: "Ethiopia", sv: "Etiopien"),
        Entry("FI", en: "Finland", sv: "Finland"),
        Entry("FJ", en: "Fiji", sv: "Fiji"),
        Entry("FK", en: "Falkland Islands", sv: "Falklandsöarna"),
        Entry("FM", en: "Micronesia", sv: "Mikronesien"),
        Entry("FO", en: "Faroe Islands", sv: "Färöarna"),
        Entry("FR", en: "France", sv: "Frankrike"),
        Entry("GA", en: "Gabon", sv: "Gabon"),
        Entry("GB", en: "United Kingdom", sv: "Storbritannien"),
        Entry("GD", en: "Grenada", sv: "Grenada"),
        Entry("GE", en: "Georgia", sv: "Georgien"),
        Entry("GF", en: "French Guiana", sv: "Franska Guyana"),
        Entry("GG", en: "Guernsey", sv: "Guernsey"),
        Entry("GH", en: "Ghana", sv: "Ghana"),
        Entry("GI", en: "Gibraltar", sv: "Gibraltar"),
        Entry("GL", en: "Greenland", sv: "Grönland"),
        Entry("GM", en: "Gambia", sv: "Gambia"),
        Entry("GN", en: "Guinea", sv: "Guinea"),
        Entry("GP", en: "Guadeloupe", sv: "Guadeloupe"),
        Entry("GQ", en: "Equatorial Guinea", sv: "Ekvatorialguinea"),
        Entry("GR", en: "Greece", sv: "Grekland"),
        Entry("GS", en: "South Georgia and the South Sandwich Islands", sv: "Sydgeorgien och Sydsandwichöarna"),
        Entry("GT", en: "Guatemala", sv: "Guatemala"),
        Entry("GU", en: "Guam", sv: "Guam"),
        Entry("GW", en: "Guinea-Bissau", sv: "Guinea-Bissau"),
        Entry("GY", en: "Guyana", sv: "Guyana"),
        Entry("HK", en: "Hong Kong", sv: "Hongkong"),
        Entry("HM", en: "Heard Island and McDonald Islands", sv: "Heard- och McDonaldöarna"),
        Entry("HN", en: "Honduras", sv: "Honduras"),
        Entry("HR", en: "Croatia", sv: "Kroatien"),
        Entry("HT", en: "Haiti", sv: "Haiti"),
        Entry("HU", en: "Hungary", sv: "Ungern"),
        Entry("ID", en: "Indonesia", sv: "Indonesien"),
        Entry("IE", en: "Ireland", sv: "Irland"),
        Entry("IL", en: "Israel", sv: "Israel"),
        Entry("IM", en: "Isle of Man", sv: "Isle of Man"),
        Entry("IN", en: "India", sv: "Indien"),
        Entry("IO", en: "British Indian Ocean Territory", sv: "Brittiska territoriet i Indiska oceanen"),
        Entry("IQ", en: "Iraq", sv: "Irak"),
        Entry("IR", en: "Iran", sv: "Iran"),
        Entry("IS", en: "Iceland", sv: "Island"),
        Entry("IT", en: "Italy", sv: "Italien"),
        Entry("JE", en: "Jersey", sv: "Jersey"),
        Entry("JM", en: "Jamaica", sv: "Jamaica"),
        Entry("JO", en: "Jordan", sv: "Jordanien"),
        Entry("JP", en: "Japan", sv: "Japan"),
        Entry("KE", en: "Kenya", sv: "Kenya"),
        Entry("KG", en: "Kyrgyzstan", sv: "Kirgizistan"),
        Entry("KH", en: "Cambodia", sv: "Kambodja"),
        Entry("KI", en: "Kiribati", sv: "Kiribati"),
        Entry("KM", en: "Comoros", sv: "Komorerna"),
        Entry("KN", en: "Saint Kitts and Nevis", sv: "Saint Kitts och Nevis"),
        Entry("KP", en: "North Korea", sv: "Nordkorea"),
        Entry("KR", en: "South Korea", sv: "Sydkorea"),
        Entry("KW", en: "Kuwait", sv: "Kuwait"),
        Entry("KY", en: "Cayman Islands", sv: "Caymanöarna"),
        Entry("KZ", en: "Kazakhstan", sv: "Kazakstan"),
        Entry("LA", en: "Laos", sv: "Laos"),
        Entry("LB", en: "Lebanon", sv: "Libanon"),
        Entry("LC", en: "Saint Lucia", sv: "Saint Lucia"),
        Entry("LI", en: "Liechtenstein", sv: "Liechtenstein"),
        Entry("LK", en: "Sri Lanka", sv: "Sri Lanka"),
        Entry("LR", en: "Liberia", sv: "Liberia"),
        Entry("LS", en: "Lesotho", sv: "Lesotho"),
        Entry("LT", en: "Lithuania", sv: "Litauen"),
        Entry("LU", en: "Luxembourg", sv: "Luxemburg"),
        Entry("LV", en: "Latvia", sv: "Lettland"),
        Entry("LY", en: "Libya", sv: "Libyen"),
        Entry("MA", en: "Morocco", sv: "Marocko"),
        Entry("MC", en: "Monaco", sv: "Monaco"),
        Entry("MD", en: "Moldova", sv: "Moldavien"),
        Entry("ME", en: "Montenegro", sv: "Montenegro"),
        Entry("MF", en: "Saint Martin (French part)", sv: "Saint-Martin (franska delen)"),
        Entry("MG", en: "Madagascar", sv: "Madagaskar"),
        Entry("MH", en: "Marshall Islands", sv: "Marshallöarna"),
        Entry("MK", en: "North Macedonia", sv: "Nordmakedonien"),
        Entry("ML", en: "Mali", sv: "Mali"),
        Entry("MM", en: "Myanmar", sv: "Myanmar"),
        Entry("MN", en: "Mongolia", sv: "Mongoliet"),
        Entry("MO", en: "Macao", sv: "Macao"),
        Entry("MP", en: "Northern Mariana Islands", sv: "Nordmarianerna"),
        Entry("MQ", en: "Martinique", sv: "Martinique"),
        Entry("MR", en: "Mauritania", sv: "Mauretanien"),
        Entry("MS", en: "Montserrat", sv: "Montserrat"),
        Entry("MT", en: "Malta", sv: "Malta"),
        Entry("MU", en: "Mauritius", sv: "Mauritius"),
        Entry("MV", en: "Maldives", sv: "Maldiverna"),
        Entry("MW", en: "Malawi", sv: "Malawi"),
        Entry("MX", en: "Mexico", sv: "Mexiko"),
        Entry("MY", en: "Malaysia", sv: "Malaysia"),
        Entry("MZ", en: "Mozambique", sv: "Moçambique"),
        Entry("NA", en: "Namibia", sv: "Namibia"),
        Entry("NC", en: "New Caledonia", sv: "Nya Kaledonien"),
        Entry("NE", en: "Niger", sv: "Niger"),
        Entry("NF", en: "Norfolk Island", sv: "Norfolkön"),
        Entry("NG", en: "Nigeria", sv: "Nigeria"),
        Entry("NI", en: "Nicaragua", sv: "Nicaragua"),
        Entry("NL", en: "Netherlands", sv: "Nederländerna"),
        Entry("NO", en: "Norway", sv: "Norge"),
        Entry("NP", en: "Nepal", sv: "Nepal"),
        Entry("NR", en: "Nauru", sv: "Nauru"),
        Entry("NU", en: "Niue", sv: "Niue"),
        Entry("NZ", en: "New Zealand", sv: "Nya Zeeland"),
        Entry("OM", en: "Oman", sv: "Oman"),
        Entry("PA", en: "Panama", sv: "Panama"),
        Entry("PE", en: "Peru", sv: "Peru"),
        Entry("PF", en: "French Polynesia", sv: "Franska Polynesien"),
        Entry("PG", en: "Papua New Guinea", sv: "Papua Nya Guinea"),
        Entry("PH", en: "Philippines", sv: "Filippinerna"),
        Entry("PK", en: "Pakistan", sv: "Pakistan"),
        Entry("PL", en: "Poland", sv: "Polen"),
        Entry("PM", en: "Saint Pierre and Miquelon", sv: "Saint-Pierre och Miquelon"),
        Entry("PN", en: "Pitcairn Islands", sv: "Pitcairnöarna"),
        Entry("PR", en: "Puerto Rico", sv: "Puerto Rico"),
        Entry("PS", en: "Palestine", sv: "Palestina"),
        Entry("PT", en: "Portugal", sv: "Portugal"),
        Entry("PW", en: "Palau", sv: "Palau"),
        Entry("PY", en: "Paraguay", sv: "Paraguay"),
        Entry("QA", en: "Qatar", sv: "Qatar"),
        Entry("RE", en: "Réunion", sv: "Réunion"),
        Entry("RO", en: "Romania", sv: "Rumänien"),
        Entry("RS", en: "Serbia", sv: "Serbien"),
        Entry("RU", en: "Russia", sv: "Ryssland"),
        Entry("RW", en: "Rwanda", sv: "Rwanda"),
        Entry("SA", en: "Saudi Arabia", sv: "Saudiarabien"),
        Entry("SB", en: "Solomon Islands", sv: "Salomonöarna"),
        Entry("SC", en: "Seychelles", sv: "Seychellerna"),
        Entry("SD", en: "Sudan", sv: "Sudan"),
        Entry("SE", en: "Sweden", sv: "Sverige"),
        Entry("SG", en: "Singapore", sv: "Singapore"),
        Entry("SH", en: "Saint Helena, Ascension and Tristan da Cunha", sv: "Sankt Helena, Ascension och Tristan da Cunha"),
        Entry("SI", en: "Slovenia", sv: "Slovenien"),
        Entry("SJ", en: "Svalbard and Jan Mayen", sv: "Svalbard och Jan Mayen"),
        Entry("SK", en: "Slovakia", sv: "Slovakien"),
        Entry("SL", en: "Sierra Leone", sv: "Sierra Leone"),
        Entry("SM", en: "San Marino", sv: "San Marino"),
        Entry("SN", en: "Senegal", sv: "Senegal"),
        Entry("SO", en: "Somalia", sv: "Somalia"),
        Entry("SR", en: "Suriname", sv: "Surinam"),
        Entry("SS", en: "South Sudan", sv: "Sydsudan"),
        Entry("ST", en: "Sao Tome and Principe", sv: "São Tomé och Príncipe"),
        Entry("SV", en: "El Salvador", sv: "El Salvador"),
        Entry("SX", en: "Sint Maarten (Dutch part)", sv: "Sint Maarten (nederländska delen)"),
        Entry("SY", en: "Syria", sv: "Syrien"),
        Entry("SZ", en: "Eswatini", sv: "Eswatini"),
        Entry("TC", en: "Turks and Caicos Islands", sv: "Turks- och Caicosöarna"),
        Entry("TD", en: "Chad", sv: "Tchad"),
        Entry("TF", en: "French Southern Territories", sv: "Franska sydterritorierna"),
        Entry("TG", en: "Togo", sv: "Togo"),
        Entry("TH", en: "Thailand", sv: "Thailand"),
        Entry("TJ", en: "Tajikistan", sv: "Tadzjikistan"),
        Entry("TK", en: "Tokelau", sv: "Tokelau"),
        Entry("TL", en: "Timor-Leste", sv: "Östtimor"),
        Entry("TM", en: "Turkmenistan", sv: "Turkmenistan"),
        Entry("TN", en: "Tunisia", sv: "Tunisien"),
        Entry("TO", en: "Tonga", sv: "Tonga"),
        Entry("TR", en: "Türkiye", sv: "Turkiet"),
        Entry("TT", en: "Trinidad and Tobago", sv: "Trinidad och Tobago"),
        Entry("TV", en: "Tuvalu", sv: "Tuvalu"),
        Entry("TW", en: "Taiwan", sv: "Taiwan"),
        Entry("TZ", en: "Tanzania", sv: "Tanzania"),
        Entry("UA", en: "Ukraine", sv: "Ukraina"),
        Entry("UG", en: "Uganda", sv: "Uganda"),
        Entry("UM", en: "United States Minor Outlying Islands", sv: "USA:s mindre öar i Oceanien och Västindien"),
        Entry("US", en: "United States", sv: "USA"),
        Entry("UY", en: "Uruguay", sv: "Uruguay"),
        Entry("UZ", en: "Uzbekistan", sv: "Uzbekistan"),
        Entry("VA", en: "Vatican City", sv: "Vatikanstaten"),
        Entry("VC", en: "Saint Vincent and the Grenadines", sv: "Saint Vincent och Grenadinerna"),
        Entry("VE", en: "Venezuela", sv: "Venezuela"),
        Entry("VG", en: "British Virgin Islands", sv: "Brittiska Jungfruöarna"),
        Entry("VI", en: "United States Virgin Islands", sv: "Amerikanska Jungfruöarna"),
        Entry("VN", en: "Vietnam", sv: "Vietnam"),
        Entry("VU", en: "Vanuatu", sv: "Vanuatu"),
        Entry("WF", en: "Wallis and Futuna", sv: "Wallis och Futuna"),
        Entry("WS", en: "Samoa", sv: "Samoa"),
        Entry("YE", en: "Yemen", sv: "Yemen"),
        Entry("YT", en: "Mayotte", sv: "Mayotte"),
        Entry("ZA", en: "South Africa", sv: "Sydafrika"),
        Entry("ZM", en: "Zambia", sv: "Zambia"),
        Entry("ZW", en: "Zimbabwe", sv: "Zimbabwe"),
    ]

    /// Other names people write for a country, in either language, mapped to its code.
    static let aliases: [String: String] = [
        "Vitryssland": "BY",
        "Swaziland": "SZ",
        "Turkey": "TR",
        "Czech Republic": "CZ", "Tjeckiska republiken": "CZ",
        "Great Britain": "GB", "Britain": "GB", "UK": "GB", "Förenade kungariket": "GB",
        "Storbritannien och Nordirland": "GB", "United Kingdom of Great Britain and Northern Ireland": "GB",
        "USA": "US", "United States of America": "US", "Förenta staterna": "US", "Amerikas förenta stater": "US",
        "Holland": "NL",
        "Russian Federation": "RU", "Ryska federationen": "RU",
        "Ivory Coast": "CI",
        "Cape Verde": "CV",
        "East Timor": "TL",
        "Burma": "MM",
        "Macedonia": "MK", "Makedonien": "MK",
        "Congo-Kinshasa": "CD", "DR Congo": "CD", "Demokratiska republiken Kongo": "CD",
        "Congo": "CG", "Congo-Brazzaville": "CG", "Kongo": "CG", "Republiken Kongo": "CG",
        "Vatican": "VA", "Holy See": "VA", "Heliga stolen": "VA",
        "Syrian Arab Republic": "SY", "Viet Nam": "VN", "Brunei Darussalam": "BN",
        "Lao People's Democratic Republic": "LA", "Republic of Moldova": "MD",
        "Sankt Kitts och Nevis": "KN", "Sankt Lucia": "LC", "Sankt Vincent och Grenadinerna": "VC",
        "Bosnien-Hercegovina": "BA",
        "UAE": "AE",
        "State of Palestine": "PS", "Staten Palestina": "PS",
        "Kokosöarna": "CC", "Falklandsöarna (Malvinas)": "FK",
    ]

    static let byCode: [String: Entry] = Dictionary(uniqueKeysWithValues: entries.map { ($0.code, $0) })

    /// Folded Swedish and English names, and folded ``aliases``, mapped to the code. A name always wins
    /// over an alias that folds the same.
    static let byFoldedName: [String: String] = {
        var table: [String: String] = [:]
        for entry in entries {
            table[fold(entry.name.sv)] = entry.code
            table[fold(entry.name.en)] = entry.code
        }
        for (alias, code) in aliases where table[fold(alias)] == nil {
            table[fold(alias)] = code
        }
        return table
    }()

    /// The form names are compared in: trimmed, lower case, without diacritics ("Österrike" → "osterrike").
    static func fold(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
    }

    /// The 27 EU member states (as of 2026).
    static let eu = CountrySet(
        name: "EU",
        summary: "the 27 member states of the European Union",
        members: [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
            "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        ]
    )

    /// The European Economic Area: the EU plus Iceland, Liechtenstein and Norway.
    static let euEEA = CountrySet(
        name: "EU_EEA",
        summary: "the EU member states and the other EEA countries: Iceland, Liechtenstein and Norway",
        members: eu.members.union(["IS", "LI", "NO"])
    )

    /// The EEA plus Switzerland, whose citizens have EU-like rights to live and work in Sweden.
    static let euEEAAndSwitzerland = CountrySet(
        name: "EU_EEA_CH",
        summary: "the EU and EEA countries and Switzerland, whose citizens have EU-like rights to live in Sweden",
        members: euEEA.members.union(["CH"])
    )

    /// The Nordic countries, with Åland, the Faroe Islands and Greenland, which count as Nordic for
    /// folkbokföring (the Nordic population registration agreement).
    static let nordic = CountrySet(
        name: "NORDIC",
        summary: "the Nordic countries: Denmark, Finland, Iceland, Norway and Sweden, with Åland, the Faroe Islands and Greenland",
        members: ["DK", "FI", "IS", "NO", "SE", "AX", "FO", "GL"]
    )
}
