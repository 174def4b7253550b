import JourneyEngine
import JourneyModel

/// Every text the guide prints. Journey texts (titles, questions, summaries) come from the journey files; these
/// are the guide's own words around them, written in English and Swedish here, each with a stable key, and
/// translated into the other languages in `journeys/translations/<lang>/guide.yaml` (``GuideCatalog``).
public struct GuideStrings: Sendable {
    public let language: Language
    /// The guide's words in `language`, when it is not an authoring one and has a translation file.
    let translation: TranslationFile?

    /// The guide's words in `language`; `translation` is that language's guide translation, if any (a translation
    /// of another language or subject is ignored).
    public init(language: Language, translation: TranslationFile? = nil) {
        self.language = language
        self.translation = translation.flatMap { $0.language == language && $0.subject == .guide ? $0 : nil }
    }

    /// The text with key `key`: `sv` in Swedish, else its translation, else `en`, with each `{name}` filled from `values`.
    ///
    /// A translation is used only while it is current (made from this English) and keeps the English's placeholders;
    /// otherwise English is shown, marked once the language's guide translation has begun (while nothing is
    /// translated, the guide's words are simply English around the translated journey texts). Never blank.
    func t(_ key: String, _ en: String, _ sv: String, _ values: [String: String] = [:]) -> String {
        switch language {
        case .sv: return Placeholders.fill(sv, with: values)
        case .en: return Placeholders.fill(en, with: values)
        default: break
        }
        if let entry = translation?.entry(key), entry.source == SourceHash.of(en),
            Placeholders.names(in: entry.text) == Placeholders.names(in: en)
        {
            return Placeholders.fill(entry.text, with: values)
        }
        let english = Placeholders.fill(en, with: values)
        return translation?.entries.isEmpty == false ? "\(inEnglish) \(english)" : english
    }

    /// "A, B and C" / "A, B och C", or with "or" / "eller".
    func list(_ items: [String], or: Bool = false) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        // The comma between items is the language's own (Arabic and Persian write "،", Tigrinya "፣").
        let values = ["items": items.dropLast().joined(separator: t("list.separator", ",", ",") + " "), "last": last]
        return or ? t("list.or", "{items} or {last}", "{items} eller {last}", values) : t("list.and", "{items} and {last}", "{items} och {last}", values)
    }

    /// The line at the top of every screen while the sandbox agencies answer.
    var practice: String {
        t("practice", "Practice: sandbox agencies answer; no real agency is contacted.", "Övning: sandlådemyndigheter svarar; ingen riktig myndighet kontaktas.")
    }

    // MARK: Keys and prompts

    /// The key shown for a command; every language's keys are understood (``Command``). Keys are not in the
    /// translation catalog: a translated key would have to be understood by ``Command`` and typeable on every
    /// keyboard, so every other language shows the English keys.
    func key(_ command: Command) -> String {
        switch command {
        case .quit: language == .sv ? "a" : "q"
        case .back: language == .sv ? "t" : "b"
        case .change: language == .sv ? "ä" : "c"
        case .noNumber: "n"
        case .data: language == .sv ? "u" : "d"
        case .language: "l"
        case .allSteps: "s"
        }
    }

    var choicePrompt: String { t("choice-prompt", "Your choice:", "Ditt val:") }
    var answerPrompt: String { t("answer-prompt", "Your answer:", "Ditt svar:") }
    var identityPrompt: String { t("identity-prompt", "Your number or reference:", "Ditt nummer eller referensnummer:") }
    var orHeading: String { t("or-heading", "Or:", "Eller:") }
    var quit: String { t("quit", "Quit", "Avsluta") }
    var saveAndQuit: String { t("save-and-quit", "Save and quit", "Spara och avsluta") }
    var backToSteps: String { t("back-to-steps", "Back to the steps", "Tillbaka till stegen") }
    var changeAnAnswer: String { t("change-an-answer", "Change an answer", "Ändra ett svar") }

    /// "Type a number from 1 to 3, c to change an answer or q to quit."
    /// `numbers` says which numbers instead of the range, such as "the number of a step".
    func chooseNumber(upTo count: Int, commands: [Command], numbers: String? = nil) -> String {
        var choices: [String] = []
        if let numbers { choices.append(numbers) } else if count == 1 { choices.append("1") } else if count > 1 { choices.append(t("choose.numbers", "a number from 1 to {count}", "ett nummer från 1 till {count}", ["count": "\(count)"])) }
        for command in commands {
            switch command {
            case .quit: choices.append(t("choose.quit", "{quit} to quit", "{quit} för att avsluta", ["quit": key(.quit)]))
            case .back: choices.append(t("choose.back", "{back} to go back", "{back} för att gå tillbaka", ["back": key(.back)]))
            case .change: choices.append(t("choose.change", "{change} to change an answer", "{change} för att ändra ett svar", ["change": key(.change)]))
            case .noNumber: choices.append(t("choose.no-number", "{none} if you have no number yet", "{none} om du inte har något nummer än", ["none": key(.noNumber)]))
            case .data: choices.append(t("choose.data", "{data} to see your data", "{data} för att se dina uppgifter", ["data": key(.data)]))
            case .language: choices.append(t("choose.language", "{language} to change language", "{language} för att byta språk", ["language": key(.language)]))
            case .allSteps: choices.append(t("choose.all-steps", "{all} to see all the steps", "{all} för att se alla steg", ["all": key(.allSteps)]))
            }
        }
        return t("choose.type", "Type {choices}.", "Skriv {choices}.", ["choices": list(choices, or: true)])
    }

    // MARK: Choosing a life event

    var welcomeTitle: String { t("welcome-title", "Lotsen: your guide through life events in Sweden", "Lotsen: din guide genom livshändelser i Sverige") }
    var welcomeText: String {
        t("welcome-text", "Lotsen shows the steps of a life event at every agency involved, in order, with what each costs and where to do it. "
            + "Your progress is saved after every answer, so you can stop at any time and continue later.",
            "Lotsen visar stegen i en livshändelse hos alla myndigheter som berörs, i rätt ordning, med vad varje steg kostar och var "
                + "du gör det. Det du gör sparas efter varje svar, så du kan sluta när du vill och fortsätta senare.")
    }
    var whichLifeEvent: String { t("which-life-event", "Which life event do you want help with?", "Vilken livshändelse vill du ha hjälp med?") }
    func startedMark(done: Int, of total: Int) -> String {
        t("started-mark", "You have started this: {done} of {total} steps done.", "Du har påbörjat den här: {done} av {total} steg klara.", ["done": "\(done)", "total": "\(total)"])
    }
    var completeMark: String { t("complete-mark", "You have done every step of this.", "Du har gjort alla steg i den här.") }
    func unknownJourney(_ id: String) -> String {
        t("unknown-journey", "There is no life event called '{id}'. Choose one from the list.", "Det finns ingen livshändelse som heter '{id}'. Välj en i listan.", ["id": id])
    }

    // MARK: Who the person is

    var whoAreYou: String { t("who-are-you", "Who are you?", "Vem är du?") }
    var identityText: String {
        t("identity-text", "Lotsen saves your progress under your personal identity number or coordination number, so that you can continue later. "
            + "Lotsen never shows your number on screen.",
            "Lotsen sparar det du gör under ditt personnummer eller samordningsnummer, så att du kan fortsätta senare. "
                + "Lotsen visar aldrig ditt nummer på skärmen.")
    }
    var typeOneOf: String { t("type-one-of", "Type one of:", "Skriv något av:") }
    var identityNumberOption: String {
        t("identity-number-option", "your personal identity number or coordination number, as YYYYMMDD-NNNN", "ditt personnummer eller samordningsnummer, som ÅÅÅÅMMDD-NNNN")
    }
    var identityReferenceOption: String {
        t("identity-reference-option", "your Lotsen reference (lp-…), if you got one on an earlier visit", "ditt Lotsen-referensnummer (lp-…), om du fick ett vid ett tidigare besök")
    }
    var noNumberYet: String { t("no-number-yet", "I don't have one yet", "Jag har inget ännu") }
    func referenceIssued(_ reference: PersonID) -> String {
        t("reference-issued", "Your Lotsen reference is {reference}.", "Ditt Lotsen-referensnummer är {reference}.", ["reference": "\(reference)"])
    }
    var writeItDown: String {
        t("write-it-down", "Write it down or save it somewhere safe: you need it to continue later, until you have a personal identity number.",
            "Skriv upp det eller spara det på ett säkert ställe: du behöver det för att fortsätta senare, tills du har ett personnummer.")
    }
    func started(_ title: String) -> String { t("started", "You have started: {title}.", "Du har börjat med: {title}.", ["title": title]) }
    func welcomeBack(_ title: String) -> String {
        t("welcome-back", "Welcome back. You continue where you left off: {title}.", "Välkommen tillbaka. Du fortsätter där du slutade: {title}.", ["title": title])
    }
    var numberLinked: String {
        t("number-linked", "Your personal identity number is now linked to your Lotsen reference: you can continue with either.",
            "Ditt personnummer är nu kopplat till ditt Lotsen-referensnummer: du kan fortsätta med vilket som helst av dem.")
    }

    // MARK: Questions

    func questionsTitle(_ journey: String) -> String { t("questions-title", "{journey}: a few questions", "{journey}: några frågor", ["journey": journey]) }
    var questionsIntro: String {
        t("questions-intro", "Lotsen asks only what decides which steps apply to you.", "Lotsen frågar bara det som avgör vilka steg som gäller dig.")
    }

    /// The question for a fact the journey gives no question for: an identity number the person has.
    func identityQuestion(_ type: FactType) -> String {
        type == .organisationsnummer
            ? t("identity-question.organisationsnummer", "What is the company's organisationsnummer?", "Vilket organisationsnummer har företaget?")
            : t("identity-question.personnummer", "What is your personal identity number or coordination number?", "Vilket är ditt personnummer eller samordningsnummer?")
    }

    /// The question for a number a step gave the person, asked when they mark the step done.
    func producedQuestion(_ type: FactType) -> String {
        type == .organisationsnummer
            ? t("produced-question.organisationsnummer", "What is the organisationsnummer on the registration certificate?", "Vilket organisationsnummer står på registreringsbeviset?")
            : t("produced-question.personnummer", "What is the personal identity number or coordination number you got?", "Vilket personnummer eller samordningsnummer fick du?")
    }

    /// How to write an answer of the type, when it is not obvious.
    func inputHint(_ fact: FactDefinition) -> String? {
        switch fact.type {
        case .bool: t("input-hint.bool", "Answer yes or no.", "Svara ja eller nej.")
        case .country: t("input-hint.country", "Write the country's name, such as Germany, or its code, such as DE.", "Skriv landets namn, till exempel Tyskland, eller landskoden, till exempel DE.")
        case .number: numberHint(fact.bounds)
        case .date: t("input-hint.date", "Write the date as YYYY-MM-DD, such as 2026-03-01.", "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.")
        case .choice: t("input-hint.choice", "Type the number of your choice.", "Skriv numret för ditt val.")
        case .personnummer: t("input-hint.personnummer", "Write it as YYYYMMDD-NNNN. Lotsen never shows it on screen.", "Skriv det som ÅÅÅÅMMDD-NNNN. Lotsen visar det aldrig på skärmen.")
        case .organisationsnummer: t("input-hint.organisationsnummer", "Write it as NNNNNN-NNNN.", "Skriv det som NNNNNN-NNNN.")
        case .text: nil
        }
    }

    /// "Write a whole number from 0 to 100,000." / "Skriv ett tal som är 0 eller mer, till exempel 1500 eller 2,5."
    /// Whole and other numbers have sentences of their own, so a language that inflects "number" can.
    private func numberHint(_ bounds: FactBounds) -> String {
        var values: [String: String] = [:]
        values["low"] = bounds.minimum.map { FactValue.format(number: $0, in: language) }
        values["high"] = bounds.maximum.map { FactValue.format(number: $0, in: language) }
        switch (values["low"] != nil, values["high"] != nil, bounds.wholeNumber) {
        case (true, true, true): return t("number-hint.whole.between", "Write a whole number from {low} to {high}.", "Skriv ett heltal från {low} till {high}.", values)
        case (true, true, false): return t("number-hint.between", "Write a number from {low} to {high}.", "Skriv ett tal från {low} till {high}.", values)
        case (true, false, true):
            return t("number-hint.whole.at-least", "Write a whole number of {low} or more, such as 1500.", "Skriv ett heltal som är {low} eller mer, till exempel 1500.", values)
        case (true, false, false):
            return t("number-hint.at-least", "Write a number of {low} or more, such as 1500 or 2.5.", "Skriv ett tal som är {low} eller mer, till exempel 1500 eller 2,5.", values)
        case (false, true, true): return t("number-hint.whole.at-most", "Write a whole number of at most {high}.", "Skriv ett heltal som är högst {high}.", values)
        case (false, true, false): return t("number-hint.at-most", "Write a number of at most {high}.", "Skriv ett tal som är högst {high}.", values)
        case (false, false, true): return t("number-hint.whole", "Write a whole number, such as 1500.", "Skriv ett heltal, till exempel 1500.")
        case (false, false, false): return t("number-hint.any", "Write a number, such as 1500 or 2.5.", "Skriv ett tal, till exempel 1500 eller 2,5.")
        }
    }

    func currentAnswer(_ shown: String) -> String { t("current-answer", "Your answer now: {shown}", "Ditt svar nu: {shown}", ["shown": shown]) }
    var given: String { t("given", "(given)", "(angivet)") }
    var questionCommands: String {
        t("question-commands", "Type {back} to go back to the previous question, or {quit} to save and quit.",
            "Skriv {back} för att gå tillbaka till förra frågan, eller {quit} för att spara och avsluta.", ["back": key(.back), "quit": key(.quit)])
    }
    var changeCommands: String {
        t("change-commands", "Type {back} to keep your answer, or {quit} to save and quit.",
            "Skriv {back} för att behålla ditt svar, eller {quit} för att spara och avsluta.", ["back": key(.back), "quit": key(.quit)])
    }
    var noEarlierQuestion: String {
        t("no-earlier-question", "This is the first question of this visit. You can change any answer later, from the list of steps.",
            "Det här är den första frågan under det här besöket. Du kan ändra alla svar senare, från listan med steg.")
    }
    /// "Try again: expected yes or no. Answer yes/no (or ja/nej)."
    func tryAgain(_ message: String, hint: String) -> String {
        t("try-again", "Try again: {problem}. {hint}.", "Försök igen: {problem}. {hint}.", ["problem": message, "hint": hint.prefix(1).uppercased() + hint.dropFirst()])
    }
    var chooseAnOption: String { t("choose-an-option", "Try again: type the number of one of the options.", "Försök igen: skriv numret för ett av alternativen.") }

    func producedTitle(_ step: String) -> String { t("produced-title", "{step}: one more thing", "{step}: en sak till", ["step": step]) }
    var producedIntro: String {
        t("produced-intro", "This step gave you something that later steps need.", "Det här steget gav dig något som senare steg behöver.")
    }
    var producedCommands: String {
        t("produced-commands", "Type {back} to go back without marking the step done.", "Skriv {back} för att gå tillbaka utan att markera steget som klart.", ["back": key(.back)])
    }
    func notMarked(_ step: String) -> String { t("not-marked", "Not marked as done: {step}.", "Inte markerat som klart: {step}.", ["step": step]) }

    // MARK: Steps

    func progressTitle(_ journey: String) -> String { t("progress-title", "{journey}: step by step", "{journey}: steg för steg", ["journey": journey]) }
    func yourReference(_ reference: PersonID) -> String { t("your-reference", "Your Lotsen reference: {reference}", "Ditt Lotsen-referensnummer: {reference}", ["reference": "\(reference)"]) }
    func stepsDone(_ done: Int, of total: Int) -> String { t("steps-done", "{done} of {total} steps done", "{done} av {total} steg klara", ["done": "\(done)", "total": "\(total)"]) }
    var either: String { t("either", "either", "antingen") }
    var or: String { t("or", "or", "eller") }
    var optional: String { t("optional", "optional", "frivilligt") }
    func cost(_ cost: String) -> String { t("cost", "Cost: {cost}", "Kostnad: {cost}", ["cost": cost]) }
    func takes(_ duration: String) -> String { t("takes", "Takes about {duration}", "Tar ungefär {duration}", ["duration": duration]) }
    func readMore(_ link: String) -> String { t("read-more", "Read more: {link}", "Läs mer: {link}", ["link": link]) }
    var links: String { t("links", "Links:", "Länkar:") }
    /// Marks a further link on a step's screen: needed, optional, or one to pick among.
    func linkMarker(_ kind: StepLink.Kind) -> String {
        switch kind {
        case .required: "-"
        case .optional: t("link-marker.optional", "- (optional)", "- (frivilligt)")
        case .choice: t("link-marker.choice", "- (if it applies)", "- (om det gäller dig)")
        }
    }
    /// Said of a journey that is not written in the guide's language, whose texts show in the language it is written in.
    func onlyIn(_ written: Language) -> String {
        switch written.authored {
        case .en: t("only-in.en", "This life event is described in English only.", "Den här livshändelsen är bara beskriven på engelska.")
        case .sv: t("only-in.sv", "This life event is described in Swedish only.", "Den här livshändelsen är bara beskriven på svenska.")
        }
    }
    func next(_ step: String) -> String { t("next", "Next: {step}", "Nästa: {step}", ["step": step]) }
    var whatNext: String { t("what-next", "What to do next", "Det här kan du göra nu") }
    var allDone: String { t("all-done", "All the steps that apply to you are done.", "Alla steg som gäller dig är klara.") }
    var onlyOptionalLeft: String { t("only-optional-left", "What is left is optional.", "Det som är kvar är frivilligt.") }

    var stateDone: String { t("state-done", "Done", "Klart") }
    var stateSkipped: String { t("state-skipped", "Skipped", "Hoppade över") }
    var stateAvailable: String { t("state-available", "Available: you can do this now", "Kan göras nu") }
    var stateInProgress: String { t("state-in-progress", "In progress: you have started", "Pågår: du har börjat") }
    func stateWaiting(case reference: String?) -> String {
        guard let reference else { return t("state-waiting", "Waiting on the agency", "Väntar på myndigheten") }
        return t("state-waiting.case", "Waiting on the agency (case {case})", "Väntar på myndigheten (ärende {case})", ["case": reference])
    }
    func stateNeedsAction(_ message: String?) -> String {
        guard let message else { return t("state-needs-action", "Needs your action", "Du behöver göra något") }
        return t("state-needs-action.message", "Needs your action: {message}", "Du behöver göra något: {message}", ["message": message])
    }
    func stateRejected(_ reason: String?) -> String {
        guard let reason else { return t("state-rejected", "Rejected by the agency", "Avslaget av myndigheten") }
        return t("state-rejected.reason", "Rejected by the agency: {reason}", "Avslaget av myndigheten: {reason}", ["reason": reason])
    }
    func stateLocked(waitingFor steps: [String], mayNotApply: Bool) -> String {
        mayNotApply
            ? t("state-locked.may-not-apply", "Locked: waits for {steps}; it may not apply to you", "Låst: väntar på {steps}; det kanske inte gäller dig",
                ["steps": list(steps)])
            : t("state-locked", "Locked: waits for {steps}", "Låst: väntar på {steps}", ["steps": list(steps)])
    }
    var stateLockedOnAnswers: String { t("state-locked-on-answers", "Locked: depends on your answers", "Låst: beror på dina svar") }
    func stateNotNeeded(answersTo questions: [String]) -> String {
        guard !questions.isEmpty else { return t("state-not-needed", "Not needed for you", "Behövs inte för dig") }
        return questions.count == 1
            ? t("state-not-needed.answer", "Not needed, going by your answer to: {question}", "Behövs inte, utifrån ditt svar på: {question}",
                ["question": questions[0]])
            : t("state-not-needed.answers", "Not needed, going by your answers to: {questions}", "Behövs inte, utifrån dina svar på: {questions}",
                ["questions": questions.joined(separator: " ")])
    }
    func stateNotNeeded(chosen step: String) -> String {
        t("state-not-needed.chosen", "Not needed: you did {step} instead", "Behövs inte: du gjorde {step} i stället", ["step": step])
    }

    func menuState(_ state: StepState) -> String? {
        switch state {
        case .inProgress: t("menu-state.in-progress", "in progress", "pågår")
        case .waitingOnAgency: t("menu-state.waiting-on-agency", "waiting on the agency", "väntar på myndigheten")
        case .needsAction: t("menu-state.needs-action", "needs your action", "du behöver göra något")
        case .rejected: t("menu-state.rejected", "rejected", "avslaget")
        default: nil
        }
    }

    var iHaveDoneThis: String { t("i-have-done-this", "I have done this", "Jag har gjort det här") }
    var iHaveStarted: String { t("i-have-started", "I have started", "Jag har börjat") }
    var skipThisStep: String { t("skip-this-step", "Skip this step", "Hoppa över det här steget") }
    var tryAgainStep: String { t("try-again-step", "I will try again", "Jag försöker igen") }
    func doneNotice(_ step: String) -> String { t("done-notice", "Done: {step}.", "Klart: {step}.", ["step": step]) }
    func alreadyDoneNotice(_ step: String) -> String { t("already-done-notice", "{step} was already done. Nothing was changed.", "{step} var redan klart. Ingenting ändrades.", ["step": step]) }
    func startedNotice(_ step: String) -> String { t("started-notice", "Started: {step}.", "Påbörjat: {step}.", ["step": step]) }
    func skippedNotice(_ step: String) -> String { t("skipped-notice", "Skipped: {step}.", "Hoppade över: {step}.", ["step": step]) }
    func nowAvailable(_ steps: [String]) -> String { t("now-available", "You can now do: {steps}.", "Nu kan du göra: {steps}.", ["steps": list(steps)]) }
    func nowNeeded(_ steps: [String]) -> String { t("now-needed", "Now needed: {steps}.", "Behövs nu: {steps}.", ["steps": list(steps)]) }
    func noLongerNeeded(_ steps: [String]) -> String { t("no-longer-needed", "No longer needed: {steps}.", "Behövs inte längre: {steps}.", ["steps": list(steps)]) }

    // MARK: Answers

    var yourAnswers: String { t("your-answers", "Your answers", "Dina svar") }
    var whichAnswer: String { t("which-answer", "Which answer do you want to change?", "Vilket svar vill du ändra?") }
    var noAnswersYet: String { t("no-answers-yet", "You have not answered any questions yet.", "Du har inte svarat på några frågor än.") }
    var answerChanged: String { t("answer-changed", "Your answer is changed and the steps are updated.", "Ditt svar är ändrat och stegen är uppdaterade.") }

    // MARK: Refusals and goodbye

    /// What to tell the person about a refused request; never the engine's English text, which is for developers.
    func refusal(_ error: EngineError) -> String {
        switch error.code {
        case .identityConflict:
            t("refusal.identity-conflict", "That number already belongs to another Lotsen reference. Use that reference instead, or ask a caseworker for help.",
                "Det numret hör redan till ett annat Lotsen-referensnummer. Använd det i stället, eller be en handläggare om hjälp.")
        case .unknownPerson:
            t("refusal.unknown-person", "No one has that Lotsen reference. Check it and try again, or type {none} if you don't have a number yet.",
                "Det finns inget sådant Lotsen-referensnummer. Kontrollera det och försök igen, eller skriv {none} om du inte har något nummer än.", ["none": key(.noNumber)])
        case .conflict:
            t("refusal.conflict", "Your journey was changed somewhere else at the same time. Lotsen has read it again: please try once more.",
                "Din resa ändrades någon annanstans samtidigt. Lotsen har läst in den igen: försök en gång till.")
        case .invalidValue:
            t("refusal.invalid-value", "Lotsen could not use that answer. Please try again.", "Lotsen kunde inte använda det svaret. Försök igen.")
        case .agencySupplied:
            t("refusal.agency-supplied", "That is the agency's information, and your answer does not replace it. If it is wrong, ask the agency to correct it.",
                "Det är myndighetens uppgift, och ditt svar ersätter den inte. Är den fel, be myndigheten rätta den.")
        case .alreadyDone:
            t("refusal.already-done", "That step was already done. Nothing was changed.", "Det steget var redan klart. Ingenting ändrades.")
        case .notProven:
            t("refusal.not-proven", "Lotsen fetches and sends only for someone who has logged in with e-legitimation. Choose \"Log in with e-legitimation\" first.",
                "Lotsen hämtar och skickar bara för den som har loggat in med e-legitimation. Välj \"Logga in med e-legitimation\" först.")
        default:
            t("refusal.other", "That cannot be done right now. Look at the steps again.", "Det går inte att göra just nu. Titta på stegen igen.")
        }
    }

    func failure(_ error: EngineError) -> String {
        switch error.code {
        case .definitionChanged:
            t("failure.definition-changed", "Lotsen cannot go on: this life event has changed since you started it. Ask the people who run Lotsen for help.",
                "Lotsen kan inte fortsätta: livshändelsen har ändrats sedan du började. Be dem som driver Lotsen om hjälp.")
        default:
            t("failure.other", "Lotsen cannot go on: your progress could not be read or saved just now. Please try again later.",
                "Lotsen kan inte fortsätta: det du har gjort gick inte att läsa eller spara just nu. Försök igen senare.")
        }
    }

    var stopped: String { t("stopped", "Stopped.", "Avbrutet.") }
    var progressSaved: String { t("progress-saved", "Your progress is saved: nothing you did is lost.", "Det du har gjort är sparat: inget går förlorat.") }
    func howToContinue(journey: JourneyID, person: PersonID?) -> String {
        let who = person?.rawValue ?? t("how-to-continue.your-number", "<your personal identity number>", "<ditt personnummer>")
        return t("how-to-continue", "To continue, run: lotsen guide {journey} --person {who}", "Fortsätt senare med: lotsen guide {journey} --person {who}", ["journey": journey.rawValue, "who": who])
    }
    var nothingSaved: String { t("nothing-saved", "Nothing was saved. To begin again, run: lotsen guide", "Inget sparades. Börja om med: lotsen guide") }
}
