import JourneyModel

/// The seeded registers the sandbox lookups read (see ``SandboxSeed`` for the table).
enum SandboxRegister {
    /// The records that match `personnummer` in one lookup service, most often none or one.
    static func records(agency: String, service: String, personnummer: Personnummer) -> [SandboxJSON] {
        registers["\(agency).\(service)"]?[personnummer.twelveDigits] ?? []
    }

    /// Lookup services and their records, by agency.service and then by twelve-digit number.
    private static let registers: [String: [String: [SandboxJSON]]] = [
        "skatteverket.population-record": [
            SandboxSeed.registeredPerson: [
                populationRecord(SandboxSeed.registeredPerson, first: "Tolvan", last: "Tolvansson",
                    street: "Testgatan 1", postalCode: "123 45", town: "Exempelstad", civilStatus: "gift", youngestChild: SandboxSeed.child)
            ],
            SandboxSeed.child: [
                populationRecord(SandboxSeed.child, first: "Lillen", last: "Tolvansson",
                    street: "Testgatan 1", postalCode: "123 45", town: "Exempelstad", civilStatus: "ogift")
            ],
            SandboxSeed.coordinationNumberPerson: [
                populationRecord(SandboxSeed.coordinationNumberPerson, first: "Sam", last: "Samordningsson",
                    street: "Provvägen 3", postalCode: "123 46", town: "Exempelstad", civilStatus: "ogift")
            ],
            // Deliberately two records for one number, so Lotsen's refusal of an ambiguous match can be tested.
            SandboxSeed.ambiguousPerson: [
                populationRecord(SandboxSeed.ambiguousPerson, first: "Testa", last: "Testsson",
                    street: "Skottdagsgatan 29", postalCode: "123 47", town: "Exempelstad", civilStatus: "ogift"),
                populationRecord(SandboxSeed.ambiguousPerson, first: "Testa", last: "Testsson",
                    street: "Provgatan 2", postalCode: "543 21", town: "Provstad", civilStatus: "gift"),
            ],
        ],
        // The birth of ``SandboxSeed/child`` as its parent's record shows it: the date is the one in the child's
        // test number, and the parents are married, as the parent's civil status says.
        "skatteverket.birth-record": [
            SandboxSeed.registeredPerson: [
                ["child": ["personnummer": .string(SandboxSeed.child), "birthDate": "2019-01-01"],
                 "parents": ["married": true, "personnummer": [.string(SandboxSeed.registeredPerson)]]]
            ]
        ],
        // Custody (vårdnad) as the register keeps it for a guardian: the children they have custody of.
        "skatteverket.custody-record": [
            SandboxSeed.registeredPerson: [["children": [["personnummer": .string(SandboxSeed.child)]]]],
            SandboxSeed.secondGuardian: [
                ["children": [["personnummer": .string(SandboxSeed.child)], ["personnummer": .string(SandboxSeed.coordinationNumberPerson)]]]
            ],
        ],
        "migrationsverket.permit-record": [
            SandboxSeed.registeredPerson: [
                ["personnummer": .string(SandboxSeed.registeredPerson),
                 "permit": ["valid": true, "kind": "arbete", "validUntil": "2028-06-30"]]
            ],
            SandboxSeed.coordinationNumberPerson: [
                ["personnummer": .string(SandboxSeed.coordinationNumberPerson),
                 "permit": ["valid": false, "kind": "besök", "validUntil": "2024-12-31"]]
            ],
        ],
        "bolagsverket.company-record": [
            SandboxSeed.registeredPerson: [
                ["organisationsnummer": .string(SandboxSeed.companyOrganisationsnummer), "role": "styrelseledamot"]
            ]
        ],
    ]

    private static func populationRecord(
        _ number: String, first: String, last: String, street: String, postalCode: String, town: String,
        civilStatus: String, youngestChild: String? = nil
    ) -> SandboxJSON {
        var record: SandboxJSON = [
            "personnummer": .string(number),
            "name": ["first": .string(first), "last": .string(last), "full": .string("\(first) \(last)")],
            "address": [
                "street": .string(street), "postalCode": .string(postalCode), "town": .string(town),
                "formatted": .string("\(street), \(postalCode) \(town)"),
            ],
            "civilStatus": .string(civilStatus),
            // Registered in the population register (folkbokförd): everyone here but a coordination number holder.
            "registered": .bool((try? Personnummer(parsing: number))?.kind != .samordningsnummer),
        ]
        if let youngestChild, case .object(var fields) = record {
            fields["children"] = ["youngest": ["personnummer": .string(youngestChild)]]
            record = .object(fields)
        }
        return record
    }
}
