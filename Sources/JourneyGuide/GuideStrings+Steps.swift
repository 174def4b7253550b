import JourneyModel

/// The words of a step's own screen and of choosing a step: what the person can do now, what an agency asks of them
/// and where, a rejection's way back, and what changed after an action.
extension GuideStrings {
    /// An agency's name inside a sentence. "Your municipality" and "Your bank" describe the agency rather than name it,
    /// so they start in lower case there ("Send this application to your municipality?"); a real name keeps its capital.
    func agencyInSentence(_ agency: Agency) -> String {
        let name = text(agency.name)
        guard agency.name.en.hasPrefix("Your "), let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// The heading above a step's choices, which fits each of them: doing, sending, checking, skipping.
    var stepChoicesHeading: String { t("step-choices-heading", "What you can do now", "Välj vad du vill göra") }
    var sentWhatWasAsked: String { t("sent-what-was-asked", "I have sent what the agency asked for", "Jag har skickat det myndigheten bad om") }
    var sendAgain: String { t("send-again", "Send the application again", "Skicka ansökan igen") }
    var changeSentAnswers: String { t("change-sent-answers", "Change the answers the application sent", "Ändra svaren som ansökan skickade") }

    /// What an agency that asked for something wants done, and with which case number.
    func needsActionWhat(_ agency: String, caseID: String?) -> String {
        guard let caseID else {
            return t("needs-action.what", "What to do: send {agency} what it asks for.", "Så gör du: skicka det {agency} ber om.", ["agency": agency])
        }
        return t("needs-action.what.case", "What to do: send {agency} what it asks for, with your case number {case}.",
            "Så gör du: skicka det {agency} ber om, med ditt ärendenummer {case}.", ["agency": agency, "case": caseID])
    }
    /// Where to send it: the agency's or the step's page, alone at the end of the line so it can be copied.
    func needsActionWhere(_ link: String) -> String { t("needs-action.where", "Where: {link}", "Var: {link}", ["link": link]) }
    var needsActionThen: String {
        t("needs-action.then", "When you have sent it, say so here: the step then waits on the agency again.",
            "När du har skickat det, säg det här: steget väntar då på myndigheten igen.")
    }
    func sentWhatWasAskedNotice(_ step: String, agency: String) -> String {
        t("sent-what-was-asked-notice", "{step}: Lotsen has noted that you sent what {agency} asked for. It waits on the agency again.",
            "{step}: Lotsen har noterat att du skickat det {agency} bad om. Steget väntar på myndigheten igen.", ["step": step, "agency": agency])
    }

    /// On a rejected application's screen: the way back is to correct what was sent, then send again.
    func rejectedIntro(_ agency: String) -> String {
        t("rejected-intro", "If an answer the application sent to {agency} was wrong, change it first, then send the application again.",
            "Om ett svar som ansökan skickade till {agency} var fel, ändra det först och skicka sedan ansökan igen.", ["agency": agency])
    }
    var sentAnswersTitle: String { t("sent-answers-title", "The answers the application sent", "Svaren som ansökan skickade") }

    /// A step the person cannot act on yet because Lotsen lacks something it needs.
    func needsFirst(_ facts: [String]) -> String {
        t("needs-first", "Before this step, Lotsen needs: {facts}. Type {change} on the list of steps to give it.",
            "Före det här steget behöver Lotsen: {facts}. Skriv {change} i listan med steg för att ange det.", ["facts": list(facts), "change": key(.change)])
    }

    /// A typed step number whose step has nothing to do now, with the state that says why.
    func nothingToDo(number: Int, step: String, state: String) -> String {
        t("nothing-to-do", "Step {number}, {step}, has nothing to do now: {state}", "Steg {number}, {step}, har inget att göra nu: {state}",
            ["number": "\(number)", "step": step, "state": state])
    }

    /// "Residence permit: now waiting on the Swedish Migration Agency."
    func nowWaiting(_ step: String, agency: String) -> String {
        t("now-waiting", "{step}: now waiting on {agency}.", "{step}: väntar nu på {agency}.", ["step": step, "agency": agency])
    }

    var allSteps: String { t("all-steps", "See all the steps", "Se alla steg") }
    func stepsNotShown(_ count: Int) -> String {
        t("steps-not-shown", "Steps not shown here: {count}. Type {all} to see them all.", "Steg som inte visas här: {count}. Skriv {all} för att se alla.",
            ["count": "\(count)", "all": key(.allSteps)])
    }
    var stepNumberChoice: String { t("choose.step", "the number of a step", "numret på ett steg") }

    var notAnsweredYet: String { t("not-answered-yet", "not answered yet", "inte besvarat än") }
    var notAnsweredLine: String { t("not-answered-line", "Not answered yet.", "Inte besvarat än.") }
    /// "Citizenship: Germany", a fact by its label with its answer.
    func labelled(_ label: String, _ value: String) -> String { t("labelled", "{label}: {value}", "{label}: {value}", ["label": label, "value": value]) }

    /// Skipping an alternative skips its optional either/or group, so the choice names the group.
    func skipChoice(_ group: String) -> String { t("skip-choice", "Skip: {group}", "Hoppa över: {group}", ["group": group]) }
}
