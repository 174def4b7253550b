import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// One conversation with a person about a life event: pick it (unless named), say who they are, answer only the
/// questions the plan needs, and mark steps started, done or skipped, until they stop.
///
/// The engine saves every change before the next prompt, so the conversation can end at any prompt (by choice,
/// end of input or Ctrl-C) and the farewell only has to say how to continue.
public final class GuideSession {
    /// How a conversation ended.
    public enum Outcome: Hashable, Sendable {
        /// The person chose to stop, or the input ended.
        case finished
        /// The person pressed Ctrl-C.
        case interrupted
        /// Lotsen could not read or save progress; everything saved before is kept.
        case failed
    }

    /// The journey and person the conversation is about, once both are known.
    struct Current {
        let journey: Journey
        let person: PersonID
        /// Named by their own personnummer (never shown), rather than a Lotsen reference.
        let byNumber: Bool
    }

    /// What is known at the start of a turn: the enrollment's plan and the person's facts.
    struct Situation {
        let view: EnrollmentView
        let facts: [FactID: KnownFact]
    }

    let engine: JourneyEngine
    let terminal: any Terminal
    /// The guide's words in the reader's language; set once more if the reader picks a language on the first screen.
    var strings: GuideStrings
    /// Fetches and sends with the person's consent; `nil` when no agency is reachable, so the person answers everything.
    let exchange: AgencyExchange?
    /// Where the person logs in with e-legitimation before anything is fetched or sent; `nil`: no login, no once-only.
    let identity: (any IdentityProvider)?
    let requestedJourney: String?
    let requestedPerson: String?
    let today: () -> CalendarDate
    /// The sandbox agencies answer: every screen says that no real agency is contacted.
    let practice: Bool
    /// Neither `--lang` nor the locale chose a language: the first screen offers them all.
    let offerLanguages: Bool
    /// `--as-guardian`: the person logs in first and may act for a child in their custody.
    let asGuardian: Bool

    var current: Current?
    /// Lines for the top of the next screen: what just happened.
    var notices: [Line] = []
    /// Facts answered in this conversation, latest last, so "back" can return to them.
    var answered: [FactID] = []
    /// The e-legitimation login of this conversation: kept for this visit only, never stored or shown.
    var login: ProvenIdentity?
    /// The person said no to logging in during this visit: not asked again before every question.
    var loginDeclined = false
    /// The journey the person just started by accepting an offer: the guide greets it as started, not as resumed.
    var startedFromOffer: JourneyID?
    /// Languages whose unreviewed translation the person has been told about in this visit.
    var toldUnreviewed: Set<Language> = []
    /// The child a guardian acts for in this conversation (``chooseChild()``); every screen says so.
    var actingFor: ChildInCustody?
    /// The person asked for every step (`s`): the next list shows them all, whatever fits.
    var showAllSteps = false
    /// Plain mode has read out the whole list in this visit; after that it says what changed and what to do next.
    var shownAllSteps = false

    /// - Parameters:
    ///   - offerLanguages: the first screen offers every language, each in its own name (`language` until one is picked).
    ///   - journey: the journey id given on the command line, if any; otherwise the person picks from a menu.
    ///   - person: what was given as `--person`, if anything: checked like a typed answer, never trusted.
    ///   - exchange: offers to fetch facts agencies already hold and to send applications, each after a preview.
    ///     Engine and agency calls wait on the session's own thread (see ``run()``).
    ///   - identity: the provider for "Log in with e-legitimation"; once-only runs only after a login in this conversation.
    ///   - practice: the agencies and the identity provider are Lotsen's sandbox; every screen says so.
    ///   - asGuardian: the person (their own number in `person`) logs in first and may choose to act for a child under
    ///     18 in their custody, as the population register shows it (through `exchange`).
    public init(engine: JourneyEngine, terminal: any Terminal, language: Language, offerLanguages: Bool = false, journey: String? = nil,
        person: String? = nil, exchange: AgencyExchange? = nil, identity: (any IdentityProvider)? = nil, practice: Bool = false,
        asGuardian: Bool = false, today: @escaping () -> CalendarDate = { .today() })
    {
        self.offerLanguages = offerLanguages
        self.asGuardian = asGuardian
        self.engine = engine
        self.terminal = terminal
        self.strings = GuideStrings(language: language, translation: engine.library.guideTranslation(language))
        self.exchange = exchange
        self.identity = identity
        self.requestedJourney = journey
        self.requestedPerson = person
        self.practice = practice
        self.today = today
    }

    /// The conversation, on the thread ``run()`` made for it.
    func converseOnThisThread() -> Outcome {
        do throws(GuideStop) {
            try converse()
        } catch {
            return farewell(error)
        }
    }

    private func converse() throws(GuideStop) -> Never {
        // A --person that names someone lets the menu mark their journeys; a wrong one is asked again once the
        // journey is chosen, with what was wrong.
        if offerLanguages { try chooseLanguage() }
        let current = try startInChosenLanguage()
        while true {
            do { try turn(current) } catch .languageChanged { continue }
        }
    }

    /// ``start()``, begun again in the language the person picks on the way; nothing is saved before it ends.
    private func startInChosenLanguage() throws(GuideStop) -> Current {
        while true {
            do { return try start() } catch .languageChanged { continue }
        }
    }

    /// Picks the journey and the person, then starts or resumes the enrollment.
    private func start() throws(GuideStop) -> Current {
        if asGuardian, actingFor == nil, let child = try chooseChild() {
            return try enroll(.id(child), in: try chooseJourney(for: .id(child)))
        }
        if let actingFor { return try enroll(.id(actingFor.child), in: try chooseJourney(for: .id(actingFor.child))) }
        var reference: PersonReference?
        var problem: Line?
        if let requestedPerson {
            switch try check(requestedPerson) {
            case .person(let person): reference = person
            case .problem(let line): problem = line
            }
        }
        let journey = try chooseJourney(for: reference)
        let person: PersonReference
        if let reference { person = reference } else { person = try identify(for: journey, problem: problem) }
        return try enroll(person, in: journey)
    }

    // MARK: Plumbing shared by the screens

    /// Shows `body` below the notices collected since the last screen.
    func present(_ body: Screen) {
        let screen = framed(body)
        notices = []
        terminal.show(screen)
    }

    /// `body` as ``present(_:)`` shows it: below the practice line, who the person acts for, and the notices.
    func framed(_ body: Screen) -> Screen {
        var screen = Screen(practice ? [Line(strings.practice, style: .warning)] : [])
        if let actingLine { screen.lines.append(actingLine) }
        screen.lines += notices
        screen.addBlank()
        screen.lines += body.lines
        return screen
    }

    /// Reads a trimmed line; "quit" in either language, end of input and Ctrl-C stop the conversation.
    func read(_ prompt: String) throws(GuideStop) -> String {
        switch terminal.read(prompt: prompt) {
        case .line(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            switch Command(trimmed) {
            case .quit: throw .quit
            case .language:
                try chooseLanguage()
                throw .languageChanged
            default: return trimmed
            }
        case .end: throw .endOfInput
        case .interrupted: throw .interrupted
        }
    }

    /// Reads until the input is a number in `1...count` or one of `commands`, explaining the choices otherwise.
    func choose(_ count: Int, commands: [Command] = []) throws(GuideStop) -> Choice {
        while true {
            let input = try read(strings.choicePrompt)
            if let number = Int(WesternDigits.normalized(input)), number >= 1, number <= count { return .number(number - 1) }
            if let command = Command(input), commands.contains(command) { return .command(command) }
            terminal.write([Line(strings.chooseNumber(upTo: count, commands: commands + [.quit]), style: .warning)])
        }
    }

    enum Choice: Equatable {
        /// Zero-based.
        case number(Int)
        case command(Command)
    }

    /// A refusal the person can act on becomes a line to show; one that stops the guide (storage) is thrown.
    func refusal(_ error: EngineError) throws(GuideStop) -> Line {
        switch error.code {
        case .storage, .unavailable, .definitionChanged: throw .failed(error)
        default: return Line(strings.refusal(error), style: .warning)
        }
    }

    func description(_ situation: Situation) -> StepDescription {
        let now = engine.now
        return StepDescription(journey: situation.view.journey, plan: situation.view.plan, facts: situation.facts, catalog: engine.library.catalog,
            strings: strings, due: situation.view.enrollment.steps.compactMapValues(\.due),
            overdueAtAgency: Set(situation.view.enrollment.steps.filter { AgencyDelay.isOverdue($0.value, now: now) }.keys), now: now)
    }

    // MARK: Starting

    /// What a typed identification turned out to be.
    enum Identification {
        case person(PersonReference)
        case problem(Line)
    }

    /// Reads a personnummer or samordningsnummer, an existing Lotsen reference, or "no number yet". The
    /// explanation of a wrong number never repeats it.
    func check(_ typed: String) throws(GuideStop) -> Identification {
        let input = typed.trimmingCharacters(in: .whitespaces)
        if Command(input) == .noNumber { return .person(.new) }
        if input.hasPrefix(PersonReference.idPrefix) {
            do {
                let engine = self.engine
                _ = try awaitFromThread { () async throws(EngineError) in try await engine.person(.id(PersonID(input))) }
                return .person(.id(PersonID(input)))
            } catch {
                return .problem(try refusal(error))
            }
        }
        do throws(IdentityNumberError) {
            return .person(.identity(try Personnummer(parsing: input, today: today())))
        } catch {
            return .problem(Line(strings.tryAgain(error), style: .warning))
        }
    }

    private func identify(for journey: Journey, problem: Line?) throws(GuideStop) -> PersonReference {
        present(IdentityScreen(journey: journey, strings: strings).screen)
        if let problem { terminal.write([problem]) }
        while true {
            switch try check(try read(strings.identityPrompt)) {
            case .person(let person): return person
            case .problem(let line): terminal.write([line])
            }
        }
    }
}
