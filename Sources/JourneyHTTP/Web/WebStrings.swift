import Foundation
import JourneyEngine
import JourneyModel

/// Every text of the web view's own, in Swedish and English. Journey and step titles come from the journey files, due
/// dates in words from the engine (``JourneyEngine/DueStanding``), as in the guide and the API.
struct WebStrings {
    let language: Language

    func t(_ english: String, _ swedish: String) -> String { language == .sv ? swedish : english }

    var product: String { t("Lotsen for caseworkers", "Lotsen för handläggare") }
    var skipToContent: String { t("Skip to content", "Hoppa till innehållet") }
    var journeys: String { t("Journeys", "Livshändelser") }
    var signIn: String { t("Sign in", "Logga in") }
    var signOut: String { t("Sign out", "Logga ut") }
    var token: String { t("Caseworker token", "Handläggartoken") }
    var tokenHelp: String {
        t("The token your operator gave you (lotsen token create --role caseworker). After sign-in the browser holds only a session cookie.",
            "Den token som driftansvarig gav dig (lotsen token create --role caseworker). Efter inloggningen har webbläsaren bara en sessionskaka.")
    }
    var signInRefused: String { t("That token cannot sign in here. Only a valid caseworker token can.", "Den token kan inte logga in här. Bara en giltig handläggartoken kan det.") }
    var eidHeading: String { t("Or sign in with e-legitimation", "Eller logga in med e-legitimation") }
    var eidButton: String { t("Sign in with e-legitimation", "Logga in med e-legitimation") }
    var hintLabel: String { t("Your personal identity number (optional)", "Ditt personnummer (frivilligt)") }
    var hintHelp: String {
        t("Only for staff whose operator registered their number with their caseworker token. Some e-legitimation services need it to find you.",
            "Bara för personal vars driftansvarige har registrerat numret med deras handläggartoken. En del e-legitimationstjänster behöver det för att hitta dig.")
    }
    var hintInvalid: String { t("That is not a valid personal identity number. Leave it empty or check it.", "Det är inget giltigt personnummer. Lämna fältet tomt eller kontrollera numret.") }
    var eidUnavailable: String { t("Signing in with e-legitimation is not set up here. Use a caseworker token.", "Inloggning med e-legitimation finns inte här. Använd en handläggartoken.") }
    var eidFailed: String { t("The e-legitimation service did not answer. Try again, or use a caseworker token.", "E-legitimationstjänsten svarade inte. Försök igen eller använd en handläggartoken.") }
    var eidDeclined: String { t("The e-legitimation login did not go through. Please try again.", "Inloggningen med e-legitimation gick inte igenom. Försök igen.") }
    var notStaff: String {
        t("That e-legitimation belongs to no caseworker here. Ask your operator to register your number with your token.",
            "Den e-legitimationen hör inte till någon handläggare här. Be driftansvarig registrera ditt nummer med din token.")
    }
    var continueToLotsen: String { t("Signed in. Continue to Lotsen", "Inloggad. Fortsätt till Lotsen") }
    var formExpired: String { t("The form had expired. Please try again.", "Formuläret hade gått ut. Försök igen.") }
    var otherLanguage: (label: String, language: Language) { language == .sv ? ("English", .en) : ("Svenska", .sv) }
    var enrollments: String { t("Enrollments", "Inskrivningar") }
    var funnel: String { t("Funnel", "Tratt") }
    var filter: String { t("Filter", "Filtrera") }
    var clearFilters: String { t("Clear filters", "Rensa filter") }
    var step: String { t("Step", "Steg") }
    var stepState: String { t("Step state", "Stegets läge") }
    var status: String { t("Status", "Status") }
    var ball: String { t("Who has the ball", "Vem har bollen") }
    var unchangedForDays: String { t("Unchanged for at least (days)", "Oförändrat i minst (dagar)") }
    var due: String { t("Due", "Deadline") }
    var any: String { t("Any", "Alla") }
    var person: String { t("Person", "Person") }
    var since: String { t("Since", "Sedan") }
    var lastChange: String { t("Last change", "Senast ändrat") }
    var nextPage: String { t("Next page", "Nästa sida") }
    var noEnrollments: String { t("No enrollments match these filters.", "Inga inskrivningar matchar filtren.") }
    var state: String { t("State", "Läge") }
    var count: String { t("Count", "Antal") }
    var caseload: String { t("Caseload", "Ärendeläge") }
    var overdue: String { t("Overdue", "Försenade") }
    var dueSoon: String { t("Due within a week", "Deadline inom en vecka") }
    var overdueAtAgency: String { t("Overdue at the agency", "Försenade hos myndigheten") }
    var funnelHelp: String {
        t("How many people are at each step, by state: open steps only (done and skipped steps are not counted).",
            "Hur många som är vid varje steg, per läge: bara öppna steg (klara och överhoppade steg räknas inte).")
    }
    func medianTitle(_ journey: String) -> String { t("How long people have been at each step of \(journey) (median)", "Hur länge man har varit vid varje steg i \(journey) (median)") }
    var medianHelp: String {
        t("Of the people at a step now, in each state: half of them have been in it at least this long. A long time is where people stall.",
            "Av dem som är vid ett steg nu, per läge: hälften har varit där minst så länge. En lång tid visar var det stannar upp.")
    }

    var nobodyThere: String { t("nobody", "ingen") }
    func finishedTitle(_ journey: String) -> String {
        t("How long the finished steps of \(journey) took (median)", "Hur lång tid de avklarade stegen i \(journey) tog (median)")
    }
    var finishedHelp: String {
        t("Each time someone finished a step: from when they could first start it until it was done, waiting for the agency included. Half of them took at most this long. Skipped steps are not counted, nor steps that were open before Lotsen recorded when steps open.",
            "Varje gång någon blev klar med ett steg: från när de först kunde börja med det tills det var klart, väntan på myndigheten inräknad. Hälften tog högst så lång tid. Överhoppade steg räknas inte, inte heller steg som var öppna innan Lotsen började registrera när steg öppnas.")
    }
    var finishedCount: String { t("Finished", "Avklarade") }
    var medianTime: String { t("Median time", "Mediantid") }
    var nobodyYet: String { t("nobody yet", "ingen än") }

    /// A time span in whole days, or hours under two days, or "under an hour".
    func duration(_ seconds: TimeInterval) -> String {
        let hours = Int(max(0, seconds) / 3_600)
        if hours >= 48 { let days = hours / 24; return t("\(days) days", "\(days) dagar") }
        if hours >= 1 { return hours == 1 ? t("1 hour", "1 timme") : t("\(hours) hours", "\(hours) timmar") }
        return t("under an hour", "under en timme")
    }

    var facts: String { t("Facts", "Uppgifter") }
    var noFacts: String { t("Lotsen holds no facts about this person.", "Lotsen har inga uppgifter om personen.") }
    var factsHelp: String {
        t("What Lotsen knows about the person and where it came from. The values are shown only when you give a purpose; the person sees it in their access journal.",
            "Vad Lotsen vet om personen och var det kommer ifrån. Värdena visas bara när du anger ett ändamål; personen ser det i sin åtkomstlogg.")
    }
    var fact: String { t("Fact", "Uppgift") }
    var value: String { t("Value", "Värde") }
    var source: String { t("Source", "Källa") }
    var recorded: String { t("Recorded", "Registrerad") }
    var validUntil: String { t("Valid until", "Giltig till") }
    var purpose: String { t("Purpose of viewing the values", "Ändamål med att se värdena") }
    var purposeHelp: String {
        t("Why you need the values, for example the case or call you are handling (5 to 200 characters). The person reads it.",
            "Varför du behöver värdena, till exempel ärendet eller samtalet du hanterar (5 till 200 tecken). Personen läser det.")
    }
    var purposeRefused: String { t("Give a purpose of 5 to 200 characters.", "Ange ett ändamål på 5 till 200 tecken.") }
    var showValues: String { t("Show the values", "Visa värdena") }
    var backToPerson: String { t("Back to the person", "Tillbaka till personen") }
    func valuesJournaled(_ purpose: String) -> String {
        t("This view is recorded in the person's access journal with your purpose: \(purpose)", "Visningen finns i personens åtkomstlogg med ditt ändamål: \(purpose)")
    }

    func source(_ source: FactSource) -> String {
        switch source {
        case .person: t("the person's answer", "personens svar")
        case .agency(let service): t("fetched from \(service.rawValue)", "hämtad från \(service.rawValue)")
        case .step(let step): t("reported at step \(step.rawValue)", "rapporterad i steget \(step.rawValue)")
        }
    }

    var actions: String { t("Actions", "Åtgärder") }
    var actionRefused: String { t("That could not be done", "Det gick inte") }
    var counterNote: String {
        t("You act at the counter for this person, who is present. Each change is recorded as made by a caseworker at the counter, with your token.",
            "Du hjälper personen vid disken medan hen är här. Varje ändring registreras som gjord av en handläggare vid disken, med din token.")
    }

    /// A button's text, and with the step's title its accessible name.
    func stepAction(_ command: StepCommand, step: String? = nil) -> String {
        let verb: String =
            switch command {
            case .start: t("Start", "Påbörja")
            case .complete: t("Mark as done", "Markera som klart")
            default: t("Skip", "Hoppa över")
            }
        return step.map { "\(verb): \($0)" } ?? verb
    }

    var journal: String { t("Access journal", "Åtkomstlogg") }
    var journalHelp: String { t("Every read, change and refused attempt on this person's data, oldest first.", "Varje läsning, ändring och nekat försök på personens uppgifter, äldst först.") }
    var when: String { t("When", "När") }
    var who: String { t("Who", "Vem") }
    var action: String { t("Action", "Åtgärd") }
    var route: String { t("Purpose", "Ändamål") }
    var outcome: String { t("Outcome", "Utfall") }
    var laterEntries: String { t("Later entries", "Senare poster") }
    var notFound: String { t("There is no such page.", "Sidan finns inte.") }
    var identityLinked: String { t("Identity proven with eID", "Identitet styrkt med e-legitimation") }
    var identityNotLinked: String { t("No proven identity yet", "Ingen styrkt identitet än") }
    var agencyOverdue: String { t("overdue at the agency", "försenat hos myndigheten") }
    func chartTitle(_ journey: String) -> String { t("Open steps of \(journey), by state", "Öppna steg i \(journey), per läge") }
    func pageTitle(_ page: String) -> String { "\(page) – \(product)" }

    func state(_ state: StepState) -> String {
        switch state {
        case .notApplicable: t("not applicable", "gäller inte")
        case .locked: t("locked", "låst")
        case .available: t("available", "kan påbörjas")
        case .inProgress: t("in progress", "pågår")
        case .waitingOnAgency: t("waiting on the agency", "väntar på myndigheten")
        case .needsAction: t("needs the person's action", "personen behöver göra något")
        case .done: t("done", "klart")
        case .rejected: t("rejected", "avslaget")
        case .skipped: t("skipped", "överhoppat")
        }
    }

    func status(_ status: EnrollmentStatus) -> String {
        switch status {
        case .active: t("active", "pågående")
        case .complete: t("complete", "klar")
        case .blocked: t("blocked", "stoppad")
        }
    }

    func ball(_ ball: BallHolder) -> String {
        switch ball {
        case .person: t("the person", "personen")
        case .agency: t("the agency", "myndigheten")
        case .nobody: t("nobody", "ingen")
        }
    }

    func dueFilter(_ due: String) -> String {
        switch due {
        case "overdue": overdue
        case "soon": dueSoon
        case "any": t("Has a due date, soonest first", "Har ett sista datum, närmast först")
        default: overdueAtAgency
        }
    }

    /// A moment as a day and time in Sweden's time zone, the same in both languages.
    func moment(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ number: Int?) -> String { let value = number ?? 0; return value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}
