import JourneyModel
import JourneyStore

/// The once-only screens' words: fetching, sending, following cases, and the person's data and journal.
extension GuideStrings {
    func fetchTitle(_ agency: String) -> String { t("fetch-title", "Fetch from {agency}?", "Hämta från {agency}?", ["agency": agency]) }
    func fetchIntro(agency: String, service: String, step: String?) -> String {
        let purpose = step.map { t("fetch-intro.for-step", "for the step \"{step}\"", "för steget \"{step}\"", ["step": $0]) } ?? t("fetch-intro.for-plan", "to see which steps apply to you", "för att se vilka steg som gäller dig")
        return t("fetch-intro", "{agency} already has this about you ({service}). Lotsen can fetch it {purpose} instead of asking you:",
            "{agency} har redan de här uppgifterna om dig ({service}). Lotsen kan hämta dem {purpose} i stället för att fråga dig:", ["agency": agency, "service": service, "purpose": purpose])
    }
    var fetchNothingElse: String {
        t("fetch-nothing-else", "Nothing else is read. The fetch is written to your access journal.", "Inget annat läses. Hämtningen skrivs i din åtkomstlogg.")
    }
    func fetchSends(_ number: String) -> String {
        t("fetch-sends", "To find your record, Lotsen sends your number {number} (proven by your login).",
            "För att hitta dina uppgifter skickar Lotsen ditt nummer {number} (bevisat av din inloggning).", ["number": number])
    }
    var fetchYes: String { t("fetch-yes", "Yes, fetch it", "Ja, hämta") }
    var fetchNo: String { t("fetch-no", "No, I will answer myself", "Nej, jag svarar själv") }
    func fetched(_ agency: String, _ facts: [String]) -> String {
        t("fetched", "Fetched from {agency}: {facts}.", "Hämtat från {agency}: {facts}.", ["agency": agency, "facts": list(facts)])
    }
    func fetchRefused(_ agency: String) -> String {
        t("fetch-refused", "Nothing was fetched from {agency}. Please answer yourself.", "Inget hämtades från {agency}. Svara själv.", ["agency": agency])
    }
    func fetchNoMatch(_ agency: String) -> String {
        t("fetch-no-match", "{agency} has no record of you, so please answer yourself.", "{agency} har inga uppgifter om dig, så svara själv.", ["agency": agency])
    }
    func fetchSeveralMatches(_ agency: String) -> String {
        t("fetch-several-matches", "{agency} has more than one record for your number, so Lotsen used none of them. Please answer yourself.",
            "{agency} har fler än en post för ditt nummer, så Lotsen använde ingen av dem. Svara själv.", ["agency": agency])
    }
    func fetchNothingHeld(_ agency: String) -> String {
        t("fetch-nothing-held", "{agency} does not hold this, so please answer yourself.", "{agency} har inte de uppgifterna, så svara själv.", ["agency": agency])
    }

    func sendTitle(_ agency: String) -> String { t("send-title", "Send this application to {agency}?", "Skicka ansökan till {agency}?", ["agency": agency]) }
    func sendIntro(agency: String, service: String, step: String) -> String {
        t("send-intro", "Lotsen can send your application for \"{step}\" to {agency} ({service}). This is exactly what is sent:",
            "Lotsen kan skicka din ansökan för \"{step}\" till {agency} ({service}). Det här är precis vad som skickas:", ["step": step, "agency": agency, "service": service])
    }
    var sendNothingElse: String {
        t("send-nothing-else", "Nothing else is sent. The sending is written to your access journal.", "Inget annat skickas. Sändningen skrivs i din åtkomstlogg.")
    }
    var sendYes: String { t("send-yes", "Yes, send it", "Ja, skicka") }
    var sendNo: String { t("send-no", "No, I will apply on the agency's own site", "Nej, jag ansöker på myndighetens egen webbplats") }
    var sendThroughLotsen: String { t("send-through-lotsen", "Send the application through Lotsen", "Skicka ansökan via Lotsen") }
    var checkForNews: String { t("check-for-news", "Check for news from the agency", "Hämta besked från myndigheten") }
    func sent(_ agency: String, caseID: String, practice: Bool) -> String {
        practice
            ? t("sent.practice", "Sent to the sandbox of {agency}, which has your case {caseID}. This is practice: no real agency received it.",
                "Skickat till sandlådan för {agency}, som har ditt ärende {caseID}. Det här är en övning: ingen riktig myndighet fick det.", ["agency": agency, "caseID": caseID])
            : t("sent", "Sent. {agency} has your case {caseID}.", "Skickat. {agency} har ditt ärende {caseID}.", ["agency": agency, "caseID": caseID])
    }
    var notSent: String { t("not-sent", "Nothing was sent.", "Inget skickades.") }
    func caseNews(_ step: String, _ status: AgencyCase.Status, message: String?) -> String {
        let what =
            switch status {
            case .received: t("case-news.received", "received by the agency", "mottaget av myndigheten")
            case .needsAction: t("case-news.needs-action", "the agency needs something from you", "myndigheten behöver något från dig")
            case .approved: t("case-news.approved", "approved, and done", "beviljat och klart")
            case .rejected: t("case-news.rejected", "rejected by the agency", "avslaget av myndigheten")
            }
        return "\(step): \(what)" + (message.map { " (\($0))" } ?? "") + "."
    }
    var noNews: String { t("no-news", "No news from the agency yet.", "Inget nytt från myndigheten än.") }

    func identityLabel(_ type: FactType) -> String? {
        switch type {
        case .personnummer: t("identity-label.personnummer", "Your personal identity number or coordination number", "Ditt personnummer eller samordningsnummer")
        case .organisationsnummer: t("identity-label.organisationsnummer", "The company's organisationsnummer", "Företagets organisationsnummer")
        default: nil
        }
    }
    var sourcePerson: String { t("source-person", "you answered", "du svarade") }
    func sourceAgency(_ agency: String, service: String) -> String { t("source-agency", "from {agency} ({service})", "från {agency} ({service})", ["agency": agency, "service": service]) }
    func yourClaim(_ value: String) -> String {
        t("your-claim", "You say: {value}. The agency's information stays until it corrects it.", "Du säger: {value}. Myndighetens uppgift gäller tills den rättar den.", ["value": value])
    }
    func sourceStep(_ step: String) -> String { t("source-step", "reported with the step {step}", "angivet med steget {step}", ["step": step]) }

    var yourData: String { t("your-data", "What Lotsen knows about you, and who has read it", "Vad Lotsen vet om dig, och vem som läst det") }
    var yourDataTitle: String { t("your-data-title", "What Lotsen knows about you", "Vad Lotsen vet om dig") }
    var nothingKnownYet: String { t("nothing-known-yet", "Nothing yet.", "Inget än.") }
    var journalTitle: String { t("journal-title", "Your access journal: every time data about you was read or sent", "Din åtkomstlogg: varje gång uppgifter om dig lästes eller skickades") }
    var journalEmpty: String { t("journal-empty", "Nothing has been read or sent about you.", "Inga uppgifter om dig har lästs eller skickats.") }

    func journalLine(_ entry: AccessEntry, agency: String, fields: [String]) -> String {
        let what = fields.isEmpty ? "" : ": " + fields.joined(separator: t("list.semicolon", ";", ";") + " ")
        let note: String? =
            switch entry.outcome {
            case .completed, .intended, .refused: nil
            case .denied: t("journal-line.denied", "(not allowed)", "(inte tillåtet)")
            case .noMatch: t("journal-line.no-match", "(no record)", "(inga uppgifter)")
            case .severalMatches: t("journal-line.several-matches", "(several records, none used)", "(flera poster, ingen användes)")
            case .failed:
                t("journal-line.failed", "(failed: {detail})", "(misslyckades: {detail})",
                    ["detail": entry.detail ?? t("journal-line.failed.unknown", "error", "fel")])
            }
        let outcome = note.map { " " + $0 } ?? ""
        if let requester = entry.requester, entry.action == .read || entry.action == .change {
            return requestLine(entry.action, by: requester.role, refused: entry.outcome == .refused)
        }
        switch entry.action {
        case .fetch where entry.outcome == .intended: return t("journal-line.asked", "asked {agency} for", "bad {agency} om", ["agency": agency]) + what
        case .send where entry.outcome == .intended: return t("journal-line.sending", "sending to {agency}", "skickar till {agency}", ["agency": agency]) + what
        case .fetch: return t("journal-line.fetched", "fetched from {agency}", "hämtat från {agency}", ["agency": agency]) + what + outcome
        case .send: return t("journal-line.sent", "sent to {agency}", "skickat till {agency}", ["agency": agency]) + what + outcome
        case .caseStatus: return t("journal-line.case-status", "asked {agency} about your case", "frågade {agency} om ditt ärende", ["agency": agency]) + outcome
        case .consentGranted: return t("journal-line.consent-granted", "you agreed to an exchange with {agency}", "du godkände ett utbyte med {agency}", ["agency": agency]) + what
        case .consentRefused: return t("journal-line.consent-refused", "you said no to an exchange with {agency}", "du sa nej till ett utbyte med {agency}", ["agency": agency]) + what
        case .consentWithdrawn: return t("journal-line.consent-withdrawn", "you withdrew your consent for {agency}", "du tog tillbaka ditt godkännande för {agency}", ["agency": agency]) + what
        case .mandateGranted:
            return t("journal-line.mandate-granted", "a mandate was granted: {detail}", "en fullmakt gavs: {detail}", ["detail": entry.detail ?? ""])
        case .mandateWithdrawn:
            return t("journal-line.mandate-withdrawn", "a mandate was withdrawn: {detail}", "en fullmakt återkallades: {detail}", ["detail": entry.detail ?? ""])
        case .read, .change: return requestLine(entry.action, by: .person, refused: entry.outcome == .refused)
        case .remind: return t("journal-line.remind", "Lotsen sent a reminder of a step's deadline", "Lotsen skickade en påminnelse om ett stegs sista dag") + outcome
        }
    }

    /// A read, change or refused attempt through the API, by who made it.
    private func requestLine(_ action: AccessEntry.Action, by role: AccessRequester.Role, refused: Bool) -> String {
        let who: String =
            switch role {
            case .person: t("request-line.person", "you", "du")
            case .citizen: t("request-line.citizen", "another citizen", "en annan medborgare")
            case .caseworker: t("request-line.caseworker", "a caseworker", "en handläggare")
            case .agency: t("request-line.agency", "an agency", "en myndighet")
            case .representative: t("request-line.representative", "your representative", "ditt ombud")
            case .counter: t("request-line.counter", "a caseworker at the counter", "en handläggare vid disken")
            case .guardian: yourGuardian
            }
        return
            switch (action, refused) {
            case (.read, false): t("request-line.read", "{who} read your data", "{who} läste dina uppgifter", ["who": who])
            case (.read, true): t("request-line.read-refused", "{who} tried to read your data and was refused", "{who} försökte läsa dina uppgifter och nekades", ["who": who])
            case (_, false): t("request-line.change", "{who} made a change for you", "{who} gjorde en ändring åt dig", ["who": who])
            case (_, true): t("request-line.change-refused", "{who} tried to make a change for you and was refused", "{who} försökte göra en ändring åt dig och nekades", ["who": who])
            }
    }
}
