import Foundation
import JourneyModel

/// The agencies and services the sandbox serves, mirroring the `sends` and `returns` of `adapters/*.yaml`.
///
/// Case scripts. Every application opens its case as `received`; each `GET /{agency}/cases/{caseId}` moves the
/// case one stage on and answers the new stage, and a decided case stays decided:
///
/// | service | stages after `received` |
/// | --- | --- |
/// | every application not listed below | `decided` / `approved` |
/// | `migrationsverket.residence-permit` | `needsAction` (send a copy of the passport), then `decided` / `approved` with `fields: {"permit": {"granted": true}}` |
/// | `bolagsverket.register-limited-company` | `decided` / `approved` with `fields: {"organisationsnummer": "2021005489"}` |
/// | `bolagsverket.name-check` | `decided` / `approved`, or `rejected` when the name is taken (``SandboxSeed/takenCompanyNames``) or, for an `aktiebolag`, lacks "AB" or "aktiebolag" |
///
/// Two rules come first, for every application: a text field containing ``SandboxSeed/rejectionMarker`` ("avslag")
/// is decided `rejected`; and a service that sends a `personnummer` rejects ``SandboxSeed/unknownPerson``, whom no
/// register knows. Both go straight from `received` to `decided`.
enum SandboxCatalog {
    /// One sandbox agency.
    struct Agency: Sendable {
        /// Case ids start with this, such as `SKV` in `SKV-2026-000001`.
        let casePrefix: String
        /// Lookup services (each answers from ``SandboxRegister``).
        let lookups: Set<String>
        /// Application services by id.
        let applications: [String: SandboxApplicationForm]
    }

    /// The service id behaviours use for `GET /{agency}/cases/{caseId}`, as in the adapter files.
    static let caseStatusService = "case-status"

    static func agency(_ id: String) -> Agency? { agencies[id] }

    static let agencies: [String: Agency] = [
        "skatteverket": Agency(
            casePrefix: "SKV", lookups: ["population-record", "birth-record", "custody-record"],
            applications: [
                "folkbokforing": form(
                    ["citizenship": .country, "name": .text, "address": .text],
                    approved: "Du är folkbokförd på adressen du anmälde. / You are registered at the address you gave."),
                "moving-abroad": form(
                    ["personnummer": .personnummer, "departureDate": .date, "country": .country],
                    approved: "Du avregistreras från folkbokföringen som utflyttad från utresedagen och behåller ditt personnummer. / You are deregistered from the population register as emigrated from the day you leave, and keep your personal identity number."),
                "f-skatt": form(
                    ["personnummer": .personnummer, "estimatedProfit": .number],
                    approved: "Du är godkänd för F-skatt. / You are approved for F-tax."),
                "vat-registration": form(["personnummer": .personnummer], approved: "Du är registrerad för moms. / You are registered for VAT."),
                "employer-registration": form(
                    ["personnummer": .personnummer], approved: "Du är registrerad som arbetsgivare. / You are registered as an employer."),
            ]),
        "migrationsverket": Agency(
            casePrefix: "MIG", lookups: ["permit-record"],
            applications: [
                "residence-permit": SandboxApplicationForm(
                    fields: [
                        "citizenship": .country, "name": .text, "passportNumber": .text,
                        "ground": .choice(["work", "family", "study", "protection", "protectionFamily"]),
                        "childPersonnummer": .personnummer,
                    ], optional: ["childPersonnummer"]
                ) { _ in
                    [
                        .needsAction(
                            "Skicka in en kopia av passets sida med dina personuppgifter. / Send a copy of the page of your passport with your personal details."),
                        .approved(
                            "Du har beviljats uppehållstillstånd. / You have been granted a residence permit.",
                            fields: ["permit": ["granted": true]]),
                    ]
                }
            ]),
        "forsakringskassan": Agency(
            casePrefix: "FK", lookups: [],
            applications: [
                "insurance-registration": form(
                    ["personnummer": .personnummer, "name": .text, "address": .text],
                    approved: "Du är försäkrad i Sverige. / You are insured in Sweden."),
                "child-allowance": form(["personnummer": .personnummer], approved: "Barnbidrag beviljas. / Child allowance is granted."),
                "moving-abroad": form(
                    ["personnummer": .personnummer, "country": .country],
                    approved: "Vi har tagit emot uppgifterna om din flytt och meddelar dig om du är försäkrad i Sverige. / We have received the details of your move and will tell you whether you are insured in Sweden."),
            ]),
        "bolagsverket": Agency(
            casePrefix: "BV", lookups: ["company-record"],
            applications: [
                "name-check": SandboxApplicationForm(
                    fields: ["name": .text, "businessForm": .choice(["enskildFirma", "aktiebolag"])], script: nameCheck),
                "register-sole-trader": form(
                    ["personnummer": .personnummer, "name": .text],
                    approved: "Den enskilda näringsverksamheten är registrerad. / The sole trader business is registered."),
                "register-limited-company": SandboxApplicationForm(fields: ["personnummer": .personnummer, "name": .text]) { _ in
                    [
                        .approved(
                            "Aktiebolaget är registrerat. / The limited company is registered.",
                            fields: ["organisationsnummer": .string(SandboxSeed.companyOrganisationsnummer)])
                    ]
                },
            ]),
        "arbetsformedlingen": Agency(
            casePrefix: "AF", lookups: [],
            applications: [
                "jobseeker-registration": form(
                    ["personnummer": .personnummer], approved: "Du är inskriven som arbetssökande. / You are registered as a jobseeker.")
            ]),
        "kommun": Agency(
            casePrefix: "KOM", lookups: [],
            applications: [
                "sfi": form(["name": .text, "address": .text], approved: "Du har en plats i sfi. / You have a place in SFI."),
                "school-place": form(
                    ["address": .text, "childName": .text, "childDateOfBirth": .date],
                    approved: "Barnet har fått en plats. / Your child has been offered a place."),
                "food-premises-registration": form(
                    ["personnummer": .personnummer],
                    approved: "Livsmedelsanläggningen är registrerad. / The food premises are registered."),
            ]),
        "region": Agency(
            casePrefix: "REG", lookups: [],
            applications: [
                "healthcare-listing": form(
                    ["personnummer": .personnummer], approved: "Du är listad på vårdcentralen. / You are registered with the health centre.")
            ]),
    ]

    /// An application decided `approved` at the first status request.
    private static func form(_ fields: [String: SandboxApplicationForm.Rule], approved message: String) -> SandboxApplicationForm {
        SandboxApplicationForm(fields: fields) { _ in [.approved(message)] }
    }

    /// Bolagsverket's advance check of a company name.
    @Sendable private static func nameCheck(_ submission: SandboxApplicationForm.Submission) -> [SandboxCaseStage] {
        let name = normalised(submission.text("name"))
        if SandboxSeed.takenCompanyNames.map(normalised).contains(name) {
            return [.rejected("Namnet är redan registrerat av ett annat företag. / The name is already registered by another company.")]
        }
        let words = name.split(separator: " ")
        if submission.text("businessForm") == "aktiebolag", !words.contains("ab"), !name.contains("aktiebolag") {
            return [.rejected(
                "Ett aktiebolags namn måste innehålla ordet aktiebolag eller förkortningen AB. / A limited company's name must contain the word aktiebolag or the abbreviation AB.")]
        }
        return [.approved("Namnet är ledigt. / The name is available.")]
    }

    private static func normalised(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The stages after `received` for a checked submission, the rules for every service first.
    static func script(for form: SandboxApplicationForm, _ submission: SandboxApplicationForm.Submission) -> [SandboxCaseStage] {
        let marker = SandboxSeed.rejectionMarker
        if submission.fields.values.contains(where: { $0.stringValue?.range(of: marker, options: .caseInsensitive) != nil }) {
            return [.rejected("Ansökan avslogs (sandlådans testregel). / The application was rejected (a sandbox test rule).")]
        }
        if form.fields["personnummer"] == .personnummer {
            let numbers = [submission.subject?.twelveDigits, submission.fields["personnummer"]?.stringValue.flatMap { try? Personnummer(parsing: $0).twelveDigits }]
            if numbers.contains(SandboxSeed.unknownPerson) {
                return [.rejected("Personen finns inte i folkbokföringen. / The person is not in the population register.")]
            }
        }
        return form.script(submission)
    }
}
