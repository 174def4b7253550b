import JourneyModel
import JourneyStore

/// The once-only screens' words: fetching, sending, following cases, and the person's data and journal.
extension GuideStrings {
    func fetchTitle(_ agency: String) -> String { t("Fetch from \(agency)?", "Hämta från \(agency)?") }
    func fetchIntro(agency: String, service: String, step: String?) -> String {
        let purpose = step.map { t("for the step \"\($0)\"", "för steget \"\($0)\"") } ?? t("to see which steps apply to you", "för att se vilka steg som gäller dig")
        return t("\(agency) already has this about you (\(service)). Lotsen can fetch it \(purpose) instead of asking you:",
            "\(agency) har redan de här uppgifterna om dig (\(service)). Lotsen kan hämta dem \(purpose) i stället för att fråga dig:")
    }
    var fetchNothingElse: String {
        t("Nothing else is read. The fetch is written to your access journal.", "Inget annat läses. Hämtningen skrivs i din åtkomstlogg.")
    }
    func fetchSends(_ number: String) -> String {
        t("To find your record, Lotsen sends your number \(number) (proven by your login).",
            "För att hitta dina uppgifter skickar Lotsen ditt nummer \(number) (bevisat av din inloggning).")
    }
    var fetchYes: String { t("Yes, fetch it", "Ja, hämta") }
    var fetchNo: String { t("No, I will answer myself", "Nej, jag svarar själv") }
    func fetched(_ agency: String, _ facts: [String]) -> String {
        t("Fetched from \(agency): \(list(facts)).", "Hämtat från \(agency): \(list(facts)).")
    }
    func fetchRefused(_ agency: String) -> String {
        t("Nothing was fetched from \(agency). Please answer yourself.", "Inget hämtades från \(agency). Svara själv.")
    }
    func fetchNoMatch(_ agency: String) -> String {
        t("\(agency) has no record of you, so please answer yourself.", "\(agency) har inga uppgifter om dig, så svara själv.")
    }
    func fetchSeveralMatches(_ agency: String) -> String {
        t("\(agency) has more than one record for your number, so Lotsen used none of them. Please answer yourself.",
            "\(agency) har fler än en post för ditt nummer, så Lotsen använde ingen av dem. Svara själv.")
    }
    func fetchNothingHeld(_ agency: String) -> String {
        t("\(agency) does not hold this, so please answer yourself.", "\(agency) har inte de uppgifterna, så svara själv.")
    }

    func sendTitle(_ agency: String) -> String { t("Send to \(agency)?", "Skicka till \(agency)?") }
    func sendIntro(agency: String, service: String, step: String) -> String {
        t("Lotsen can send your application for \"\(step)\" to \(agency) (\(service)). This is exactly what is sent:",
            "Lotsen kan skicka din ansökan för \"\(step)\" till \(agency) (\(service)). Det här är precis vad som skickas:")
    }
    var sendNothingElse: String {
        t("Nothing else is sent. The sending is written to your access journal.", "Inget annat skickas. Sändningen skrivs i din åtkomstlogg.")
    }
    var sendYes: String { t("Yes, send it", "Ja, skicka") }
    var sendNo: String { t("No, I will apply on the agency's own site", "Nej, jag ansöker på myndighetens egen webbplats") }
    var sendThroughLotsen: String { t("Send the application through Lotsen", "Skicka ansökan via Lotsen") }
    var checkForNews: String { t("Check for news from the agency", "Hämta besked från myndigheten") }
    func sent(_ agency: String, caseID: String, practice: Bool) -> String {
        practice
            ? t("Sent to the sandbox of \(agency), which has your case \(caseID). This is practice: no real agency received it.",
                "Skickat till sandlådan för \(agency), som har ditt ärende \(caseID). Det här är en övning: ingen riktig myndighet fick det.")
            : t("Sent. \(agency) has your case \(caseID).", "Skickat. \(agency) har ditt ärende \(caseID).")
    }
    var notSent: String { t("Nothing was sent.", "Inget skickades.") }
    func caseNews(_ step: String, _ status: AgencyCase.Status, message: String?) -> String {
        let what =
            switch status {
            case .received: t("received by the agency", "mottaget av myndigheten")
            case .needsAction: t("the agency needs something from you", "myndigheten behöver något från dig")
            case .approved: t("approved, and done", "beviljat och klart")
            case .rejected: t("rejected by the agency", "avslaget av myndigheten")
            }
        return "\(step): \(what)" + (message.map { " (\($0))" } ?? "") + "."
    }
    var noNews: String { t("No news from the agency yet.", "Inget nytt från myndigheten än.") }

    func identityLabel(_ type: FactType) -> String? {
        switch type {
        case .personnummer: t("Your personnummer or samordningsnummer", "Ditt personnummer eller samordningsnummer")
        case .organisationsnummer: t("The company's organisationsnummer", "Företagets organisationsnummer")
        default: nil
        }
    }
    var sourcePerson: String { t("you answered", "du svarade") }
    func sourceAgency(_ agency: String, service: String) -> String { t("from \(agency) (\(service))", "från \(agency) (\(service))") }
    func yourClaim(_ value: String) -> String {
        t("You say: \(value). The agency's information stays until it corrects it.", "Du säger: \(value). Myndighetens uppgift gäller tills den rättar den.")
    }
    func sourceStep(_ step: String) -> String { t("reported with the step \(step)", "angivet med steget \(step)") }

    var yourData: String { t("What Lotsen knows about you, and who has read it", "Vad Lotsen vet om dig, och vem som läst det") }
    var yourDataTitle: String { t("What Lotsen knows about you", "Vad Lotsen vet om dig") }
    var nothingKnownYet: String { t("Nothing yet.", "Inget än.") }
    var journalTitle: String { t("Your access journal: every time data about you was read or sent", "Din åtkomstlogg: varje gång uppgifter om dig lästes eller skickades") }
    var journalEmpty: String { t("Nothing has been read or sent about you.", "Inga uppgifter om dig har lästs eller skickats.") }

    func journalLine(_ entry: AccessEntry, agency: String, fields: [String]) -> String {
        let what = fields.isEmpty ? "" : ": " + fields.joined(separator: "; ")
        let outcome: String =
            switch entry.outcome {
            case .completed: ""
            case .intended: ""
            case .denied: t(" (not allowed)", " (inte tillåtet)")
            case .noMatch: t(" (no record)", " (inga uppgifter)")
            case .severalMatches: t(" (several records, none used)", " (flera poster, ingen användes)")
            case .failed: t(" (failed: \(entry.detail ?? "error"))", " (misslyckades: \(entry.detail ?? "fel"))")
            case .refused: ""
            }
        if let requester = entry.requester, entry.action == .read || entry.action == .change {
            return requestLine(entry.action, by: requester.role, refused: entry.outcome == .refused)
        }
        switch entry.action {
        case .fetch where entry.outcome == .intended: return t("asked \(agency) for", "bad \(agency) om") + what
        case .send where entry.outcome == .intended: return t("sending to \(agency)", "skickar till \(agency)") + what
        case .fetch: return t("fetched from \(agency)", "hämtat från \(agency)") + what + outcome
        case .send: return t("sent to \(agency)", "skickat till \(agency)") + what + outcome
        case .caseStatus: return t("asked \(agency) about your case", "frågade \(agency) om ditt ärende") + outcome
        case .consentGranted: return t("you agreed to an exchange with \(agency)", "du godkände ett utbyte med \(agency)") + what
        case .consentRefused: return t("you said no to an exchange with \(agency)", "du sa nej till ett utbyte med \(agency)") + what
        case .consentWithdrawn: return t("you withdrew your consent for \(agency)", "du tog tillbaka ditt godkännande för \(agency)") + what
        case .mandateGranted: return t("a mandate was granted: \(entry.detail ?? "")", "en fullmakt gavs: \(entry.detail ?? "")")
        case .mandateWithdrawn: return t("a mandate was withdrawn: \(entry.detail ?? "")", "en fullmakt återkallades: \(entry.detail ?? "")")
        case .read, .change: return requestLine(entry.action, by: .person, refused: entry.outcome == .refused)
        case .remind: return t("Lotsen sent a reminder of a step's deadline", "Lotsen skickade en påminnelse om ett stegs sista dag") + outcome
        }
    }

    /// A read, change or refused attempt through the API, by who made it.
    private func requestLine(_ action: AccessEntry.Action, by role: AccessRequester.Role, refused: Bool) -> String {
        let who: String =
            switch role {
            case .person: t("you", "du")
            case .citizen: t("another citizen", "en annan medborgare")
            case .caseworker: t("a caseworker", "en handläggare")
            case .agency: t("an agency", "en myndighet")
            case .representative: t("your representative", "ditt ombud")
            case .counter: t("a caseworker at the counter", "en handläggare vid disken")
            case .guardian: yourGuardian
            }
        return
            switch (action, refused) {
            case (.read, false): t("\(who) read your data", "\(who) läste dina uppgifter")
            case (.read, true): t("\(who) tried to read your data and was refused", "\(who) försökte läsa dina uppgifter och nekades")
            case (_, false): t("\(who) made a change for you", "\(who) gjorde en ändring åt dig")
            case (_, true): t("\(who) tried to make a change for you and was refused", "\(who) försökte göra en ändring åt dig och nekades")
            }
    }
}
