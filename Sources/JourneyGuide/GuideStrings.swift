import JourneyEngine
import JourneyModel

/// Every text the guide prints, in Swedish and English. Journey texts (titles, questions, summaries) come from
/// the journey files; these are the guide's own words around them.
public struct GuideStrings: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    func t(_ en: String, _ sv: String) -> String { language == .sv ? sv : en }

    /// "A, B and C" / "A, B och C", or with "or" / "eller".
    func list(_ items: [String], or: Bool = false) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        let conjunction = or ? t(" or ", " eller ") : t(" and ", " och ")
        return items.dropLast().joined(separator: ", ") + conjunction + last
    }

    /// The line at the top of every screen while the sandbox agencies answer.
    var practice: String {
        t("Practice: sandbox agencies answer; no real agency is contacted.", "Övning: sandlådemyndigheter svarar; ingen riktig myndighet kontaktas.")
    }

    // MARK: Keys and prompts

    /// The key shown for a command; every language's keys are understood (``Command``).
    func key(_ command: Command) -> String {
        switch command {
        case .quit: t("q", "a")
        case .back: t("b", "t")
        case .change: t("c", "ä")
        case .noNumber: "n"
        case .data: t("d", "u")
        case .language: "l"
        }
    }

    var choicePrompt: String { t("Your choice:", "Ditt val:") }
    var answerPrompt: String { t("Your answer:", "Ditt svar:") }
    var identityPrompt: String { t("Your number or reference:", "Ditt nummer eller referensnummer:") }
    var orHeading: String { t("Or:", "Eller:") }
    var quit: String { t("Quit", "Avsluta") }
    var saveAndQuit: String { t("Save and quit", "Spara och avsluta") }
    var backToSteps: String { t("Back to the steps", "Tillbaka till stegen") }
    var changeAnAnswer: String { t("Change an answer", "Ändra ett svar") }

    /// "Type a number from 1 to 3, c to change an answer or q to quit."
    func chooseNumber(upTo count: Int, commands: [Command]) -> String {
        var choices: [String] = []
        if count == 1 { choices.append("1") } else if count > 1 { choices.append(t("a number from 1 to \(count)", "ett nummer från 1 till \(count)")) }
        for command in commands {
            switch command {
            case .quit: choices.append(t("\(key(.quit)) to quit", "\(key(.quit)) för att avsluta"))
            case .back: choices.append(t("\(key(.back)) to go back", "\(key(.back)) för att gå tillbaka"))
            case .change: choices.append(t("\(key(.change)) to change an answer", "\(key(.change)) för att ändra ett svar"))
            case .noNumber: choices.append(t("\(key(.noNumber)) if you have no number yet", "\(key(.noNumber)) om du inte har något nummer än"))
            case .data: choices.append(t("\(key(.data)) to see your data", "\(key(.data)) för att se dina uppgifter"))
            case .language: choices.append(t("\(key(.language)) to change language", "\(key(.language)) för att byta språk"))
            }
        }
        return t("Type ", "Skriv ") + list(choices, or: true) + "."
    }

    // MARK: Choosing a life event

    var welcomeTitle: String { t("Lotsen: your guide through life events in Sweden", "Lotsen: din guide genom livshändelser i Sverige") }
    var welcomeText: String {
        t("Lotsen shows the steps of a life event at every agency involved, in order, with what each costs and where to do it. "
            + "Your progress is saved after every answer, so you can stop at any time and continue later.",
            "Lotsen visar stegen i en livshändelse hos alla myndigheter som berörs, i rätt ordning, med vad varje steg kostar och var "
                + "du gör det. Det du gör sparas efter varje svar, så du kan sluta när du vill och fortsätta senare.")
    }
    var whichLifeEvent: String { t("Which life event do you want help with?", "Vilken livshändelse vill du ha hjälp med?") }
    func startedMark(done: Int, of total: Int) -> String {
        t("You have started this: \(done) of \(total) steps done.", "Du har påbörjat den här: \(done) av \(total) steg klara.")
    }
    var completeMark: String { t("You have done every step of this.", "Du har gjort alla steg i den här.") }
    func unknownJourney(_ id: String) -> String {
        t("There is no life event called '\(id)'. Choose one from the list.", "Det finns ingen livshändelse som heter '\(id)'. Välj en i listan.")
    }

    // MARK: Who the person is

    var whoAreYou: String { t("Who are you?", "Vem är du?") }
    var identityText: String {
        t("Lotsen saves your progress under your personnummer or samordningsnummer, so that you can continue later. "
            + "Lotsen never shows your number on screen.",
            "Lotsen sparar det du gör under ditt personnummer eller samordningsnummer, så att du kan fortsätta senare. "
                + "Lotsen visar aldrig ditt nummer på skärmen.")
    }
    var typeOneOf: String { t("Type one of:", "Skriv något av:") }
    var identityNumberOption: String {
        t("your personnummer or samordningsnummer, as YYYYMMDD-NNNN", "ditt personnummer eller samordningsnummer, som ÅÅÅÅMMDD-NNNN")
    }
    var identityReferenceOption: String {
        t("your Lotsen reference (lp-…), if you got one on an earlier visit", "ditt Lotsen-referensnummer (lp-…), om du fick ett vid ett tidigare besök")
    }
    var noNumberYet: String { t("I don't have one yet", "Jag har inget ännu") }
    func referenceIssued(_ reference: PersonID) -> String {
        t("Your Lotsen reference is \(reference).", "Ditt Lotsen-referensnummer är \(reference).")
    }
    var writeItDown: String {
        t("Write it down or save it somewhere safe: you need it to continue later, until you have a personnummer.",
            "Skriv upp det eller spara det på ett säkert ställe: du behöver det för att fortsätta senare, tills du har ett personnummer.")
    }
    func started(_ title: String) -> String { t("You have started: \(title).", "Du har börjat med: \(title).") }
    func welcomeBack(_ title: String) -> String {
        t("Welcome back. You continue where you left off: \(title).", "Välkommen tillbaka. Du fortsätter där du slutade: \(title).")
    }
    var numberLinked: String {
        t("Your personnummer is now linked to your Lotsen reference: you can continue with either.",
            "Ditt personnummer är nu kopplat till ditt Lotsen-referensnummer: du kan fortsätta med vilket som helst av dem.")
    }

    // MARK: Questions

    func questionsTitle(_ journey: String) -> String { t("\(journey): a few questions", "\(journey): några frågor") }
    var questionsIntro: String {
        t("Lotsen asks only what decides which steps apply to you.", "Lotsen frågar bara det som avgör vilka steg som gäller dig.")
    }

    /// The question for a fact the journey gives no question for: an identity number the person has.
    func identityQuestion(_ type: FactType) -> String {
        type == .organisationsnummer
            ? t("What is the company's organisationsnummer?", "Vilket organisationsnummer har företaget?")
            : t("What is your personnummer or samordningsnummer?", "Vilket är ditt personnummer eller samordningsnummer?")
    }

    /// The question for a number a step gave the person, asked when they mark the step done.
    func producedQuestion(_ type: FactType) -> String {
        type == .organisationsnummer
            ? t("What is the organisationsnummer on the registration certificate?", "Vilket organisationsnummer står på registreringsbeviset?")
            : t("What is the personnummer or samordningsnummer you got?", "Vilket personnummer eller samordningsnummer fick du?")
    }

    /// How to write an answer of the type, when it is not obvious.
    func inputHint(_ fact: FactDefinition) -> String? {
        switch fact.type {
        case .bool: t("Answer yes or no.", "Svara ja eller nej.")
        case .country: t("Write the country's name, such as Germany, or its code, such as DE.", "Skriv landets namn, till exempel Tyskland, eller landskoden, till exempel DE.")
        case .number: numberHint(fact.bounds)
        case .date: t("Write the date as YYYY-MM-DD, such as 2026-03-01.", "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.")
        case .choice: t("Type the number of your choice.", "Skriv numret för ditt val.")
        case .personnummer: t("Write it as YYYYMMDD-NNNN. Lotsen never shows it on screen.", "Skriv det som ÅÅÅÅMMDD-NNNN. Lotsen visar det aldrig på skärmen.")
        case .organisationsnummer: t("Write it as NNNNNN-NNNN.", "Skriv det som NNNNNN-NNNN.")
        case .text: nil
        }
    }

    /// "Write a whole number from 0 to 100,000." / "Skriv ett tal som är 0 eller mer, till exempel 1500 eller 2,5."
    private func numberHint(_ bounds: FactBounds) -> String {
        let low = bounds.minimum.map { FactValue.format(number: $0, in: language) }
        let high = bounds.maximum.map { FactValue.format(number: $0, in: language) }
        let kind = bounds.wholeNumber ? t("a whole number", "ett heltal") : t("a number", "ett tal")
        let example = bounds.wholeNumber ? "1500" : t("1500 or 2.5", "1500 eller 2,5")
        switch (low, high) {
        case (let low?, let high?): return t("Write \(kind) from \(low) to \(high).", "Skriv \(kind) från \(low) till \(high).")
        case (let low?, nil):
            return t("Write \(kind) of \(low) or more, such as \(example).", "Skriv \(kind) som är \(low) eller mer, till exempel \(example).")
        case (nil, let high?): return t("Write \(kind) of at most \(high).", "Skriv \(kind) som är högst \(high).")
        case (nil, nil): return t("Write \(kind), such as \(example).", "Skriv \(kind), till exempel \(example).")
        }
    }

    func currentAnswer(_ shown: String) -> String { t("Your answer now: \(shown)", "Ditt svar nu: \(shown)") }
    var given: String { t("(given)", "(angivet)") }
    var questionCommands: String {
        t("Type \(key(.back)) to go back to the previous question, or \(key(.quit)) to save and quit.",
            "Skriv \(key(.back)) för att gå tillbaka till förra frågan, eller \(key(.quit)) för att spara och avsluta.")
    }
    var changeCommands: String {
        t("Type \(key(.back)) to keep your answer, or \(key(.quit)) to save and quit.",
            "Skriv \(key(.back)) för att behålla ditt svar, eller \(key(.quit)) för att spara och avsluta.")
    }
    var noEarlierQuestion: String {
        t("This is the first question of this visit. You can change any answer later, from the list of steps.",
            "Det här är den första frågan under det här besöket. Du kan ändra alla svar senare, från listan med steg.")
    }
    /// "Try again: expected yes or no. Answer yes/no (or ja/nej)."
    func tryAgain(_ message: String, hint: String) -> String {
        t("Try again: ", "Försök igen: ") + message + ". " + hint.prefix(1).uppercased() + hint.dropFirst() + "."
    }
    var chooseAnOption: String { t("Try again: type the number of one of the options.", "Försök igen: skriv numret för ett av alternativen.") }

    func producedTitle(_ step: String) -> String { t("\(step): one more thing", "\(step): en sak till") }
    var producedIntro: String {
        t("This step gave you something that later steps need.", "Det här steget gav dig något som senare steg behöver.")
    }
    var producedCommands: String {
        t("Type \(key(.back)) to go back without marking the step done.", "Skriv \(key(.back)) för att gå tillbaka utan att markera steget som klart.")
    }
    func notMarked(_ step: String) -> String { t("Not marked as done: \(step).", "Inte markerat som klart: \(step).") }

    // MARK: Steps

    func progressTitle(_ journey: String) -> String { t("\(journey): step by step", "\(journey): steg för steg") }
    func yourReference(_ reference: PersonID) -> String { t("Your Lotsen reference: \(reference)", "Ditt Lotsen-referensnummer: \(reference)") }
    func stepsDone(_ done: Int, of total: Int) -> String { t("\(done) of \(total) steps done", "\(done) av \(total) steg klara") }
    var and: String { t("and", "och") }
    var either: String { t("either", "antingen") }
    var or: String { t("or", "eller") }
    var optional: String { t("optional", "frivilligt") }
    func cost(_ cost: String) -> String { t("Cost: \(cost)", "Kostnad: \(cost)") }
    func takes(_ duration: String) -> String { t("Takes about \(duration)", "Tar ungefär \(duration)") }
    func readMore(_ link: String) -> String { t("Read more: \(link)", "Läs mer: \(link)") }
    var links: String { t("Links:", "Länkar:") }
    /// Marks a further link on a step's screen: needed, optional, or one to pick among.
    func linkMarker(_ kind: StepLink.Kind) -> String {
        switch kind {
        case .required: "-"
        case .optional: t("- (optional)", "- (frivilligt)")
        case .choice: t("- (if it applies)", "- (om det gäller dig)")
        }
    }
    /// Said of a journey that is not written in the guide's language, whose texts show in the language it is written in.
    func onlyIn(_ written: Language) -> String {
        switch written.authored {
        case .en: t("This life event is described in English only.", "Den här livshändelsen är bara beskriven på engelska.")
        case .sv: t("This life event is described in Swedish only.", "Den här livshändelsen är bara beskriven på svenska.")
        }
    }
    func next(_ step: String) -> String { t("Next: \(step)", "Nästa: \(step)") }
    var whatNext: String { t("What to do next", "Det här kan du göra nu") }
    var allDone: String { t("All the steps that apply to you are done.", "Alla steg som gäller dig är klara.") }
    var onlyOptionalLeft: String { t("What is left is optional.", "Det som är kvar är frivilligt.") }

    var stateDone: String { t("Done", "Klart") }
    var stateSkipped: String { t("Skipped", "Hoppade över") }
    var stateAvailable: String { t("Available: you can do this now", "Kan göras nu") }
    var stateInProgress: String { t("In progress: you have started", "Pågår: du har börjat") }
    func stateWaiting(case reference: String?) -> String {
        t("Waiting on the agency", "Väntar på myndigheten") + (reference.map { t(" (case \($0))", " (ärende \($0))") } ?? "")
    }
    func stateNeedsAction(_ message: String?) -> String {
        t("Needs your action", "Du behöver göra något") + (message.map { ": \($0)" } ?? "")
    }
    func stateRejected(_ reason: String?) -> String {
        t("Rejected by the agency", "Avslaget av myndigheten") + (reason.map { ": \($0)" } ?? "")
    }
    func stateLocked(waitingFor steps: [String], mayNotApply: Bool) -> String {
        t("Locked: waits for \(list(steps))", "Låst: väntar på \(list(steps))")
            + (mayNotApply ? t("; it may not apply to you", "; det kanske inte gäller dig") : "")
    }
    var stateLockedOnAnswers: String { t("Locked: depends on your answers", "Låst: beror på dina svar") }
    func stateNotNeeded(answersTo questions: [String]) -> String {
        guard !questions.isEmpty else { return t("Not needed for you", "Behövs inte för dig") }
        return questions.count == 1
            ? t("Not needed, going by your answer to: \(questions[0])", "Behövs inte, utifrån ditt svar på: \(questions[0])")
            : t("Not needed, going by your answers to: \(questions.joined(separator: " "))",
                "Behövs inte, utifrån dina svar på: \(questions.joined(separator: " "))")
    }
    func stateNotNeeded(chosen step: String) -> String {
        t("Not needed: you did \(step) instead", "Behövs inte: du gjorde \(step) i stället")
    }

    func menuState(_ state: StepState) -> String? {
        switch state {
        case .inProgress: t("in progress", "pågår")
        case .waitingOnAgency: t("waiting on the agency", "väntar på myndigheten")
        case .needsAction: t("needs your action", "du behöver göra något")
        case .rejected: t("rejected", "avslaget")
        default: nil
        }
    }

    var whatHaveYouDone: String { t("What have you done?", "Vad har du gjort?") }
    var iHaveDoneThis: String { t("I have done this", "Jag har gjort det här") }
    var iHaveStarted: String { t("I have started", "Jag har börjat") }
    var skipThisStep: String { t("Skip this step", "Hoppa över det här steget") }
    var tryAgainStep: String { t("I will try again", "Jag försöker igen") }
    func doneNotice(_ step: String) -> String { t("Done: \(step).", "Klart: \(step).") }
    func alreadyDoneNotice(_ step: String) -> String { t("\(step) was already done. Nothing was changed.", "\(step) var redan klart. Ingenting ändrades.") }
    func startedNotice(_ step: String) -> String { t("Started: \(step).", "Påbörjat: \(step).") }
    func skippedNotice(_ step: String) -> String { t("Skipped: \(step).", "Hoppade över: \(step).") }
    func nowAvailable(_ steps: [String]) -> String { t("You can now do: \(list(steps)).", "Nu kan du göra: \(list(steps)).") }
    func nowNeeded(_ steps: [String]) -> String { t("Now needed: \(list(steps)).", "Behövs nu: \(list(steps)).") }
    func noLongerNeeded(_ steps: [String]) -> String { t("No longer needed: \(list(steps)).", "Behövs inte längre: \(list(steps)).") }

    // MARK: Answers

    var yourAnswers: String { t("Your answers", "Dina svar") }
    var whichAnswer: String { t("Which answer do you want to change?", "Vilket svar vill du ändra?") }
    var noAnswersYet: String { t("You have not answered any questions yet.", "Du har inte svarat på några frågor än.") }
    var answerChanged: String { t("Your answer is changed and the steps are updated.", "Ditt svar är ändrat och stegen är uppdaterade.") }

    // MARK: Refusals and goodbye

    /// What to tell the person about a refused request; never the engine's English text, which is for developers.
    func refusal(_ error: EngineError) -> String {
        switch error.code {
        case .identityConflict:
            t("That number already belongs to another Lotsen reference. Use that reference instead, or ask a caseworker for help.",
                "Det numret hör redan till ett annat Lotsen-referensnummer. Använd det i stället, eller be en handläggare om hjälp.")
        case .unknownPerson:
            t("No one has that Lotsen reference. Check it and try again, or type \(key(.noNumber)) if you don't have a number yet.",
                "Det finns inget sådant Lotsen-referensnummer. Kontrollera det och försök igen, eller skriv \(key(.noNumber)) om du inte har något nummer än.")
        case .conflict:
            t("Your journey was changed somewhere else at the same time. Lotsen has read it again: please try once more.",
                "Din resa ändrades någon annanstans samtidigt. Lotsen har läst in den igen: försök en gång till.")
        case .invalidValue:
            t("Lotsen could not use that answer. Please try again.", "Lotsen kunde inte använda det svaret. Försök igen.")
        case .agencySupplied:
            t("That is the agency's information, and your answer does not replace it. If it is wrong, ask the agency to correct it.",
                "Det är myndighetens uppgift, och ditt svar ersätter den inte. Är den fel, be myndigheten rätta den.")
        case .alreadyDone:
            t("That step was already done. Nothing was changed.", "Det steget var redan klart. Ingenting ändrades.")
        case .notProven:
            t("Lotsen fetches and sends only for someone who has logged in with e-legitimation. Choose \"Log in with e-legitimation\" first.",
                "Lotsen hämtar och skickar bara för den som har loggat in med e-legitimation. Välj \"Logga in med e-legitimation\" först.")
        default:
            t("That cannot be done right now. Look at the steps again.", "Det går inte att göra just nu. Titta på stegen igen.")
        }
    }

    func failure(_ error: EngineError) -> String {
        switch error.code {
        case .definitionChanged:
            t("Lotsen cannot go on: this life event has changed since you started it. Ask the people who run Lotsen for help.",
                "Lotsen kan inte fortsätta: livshändelsen har ändrats sedan du började. Be dem som driver Lotsen om hjälp.")
        default:
            t("Lotsen cannot go on: your progress could not be read or saved just now. Please try again later.",
                "Lotsen kan inte fortsätta: det du har gjort gick inte att läsa eller spara just nu. Försök igen senare.")
        }
    }

    var stopped: String { t("Stopped.", "Avbrutet.") }
    var progressSaved: String { t("Your progress is saved: nothing you did is lost.", "Det du har gjort är sparat: inget går förlorat.") }
    func howToContinue(journey: JourneyID, person: PersonID?) -> String {
        let who = person?.rawValue ?? t("<your personnummer>", "<ditt personnummer>")
        return t("To continue, run: lotsen guide \(journey) --person \(who)", "Fortsätt senare med: lotsen guide \(journey) --person \(who)")
    }
    var nothingSaved: String { t("Nothing was saved. To begin again, run: lotsen guide", "Inget sparades. Börja om med: lotsen guide") }
}
