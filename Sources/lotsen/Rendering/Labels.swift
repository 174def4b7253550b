import JourneyModel

/// The command line's own words, in Swedish and English, next to the journeys' texts.
struct Labels {
    let language: Language

    func callAsFunction(_ en: String, _ sv: String) -> String { language == .sv ? sv : en }

    var onlyIf: String { self("Only if", "Endast om") }
    var after: String { self("After", "Efter") }
    var cost: String { self("Cost", "Kostnad") }
    var takes: String { self("Takes about", "Tar ungefär") }
    var optional: String { self("optional", "frivilligt") }
    /// A step's deadline: "Due within 6 months of "Sign the memorandum"".
    func due(within: String, of anchor: String) -> String { self("Due within \(within) of \(anchor)", "Ska göras inom \(within) från \(anchor)") }
    /// The anchor of a deadline counted from the start of the journey.
    var starting: String { self("starting the journey", "att resan började") }
    /// The anchor of a deadline counted from another step being done.
    func finishing(_ step: String) -> String { self("finishing \(step)", "att \(step) blev klart") }
    /// An `offeredBy` rule's event: "Offered when Swedish Tax Agency reports birth-registered".
    func offeredBy(agency: String, event: String) -> String {
        self("Offered when \(agency) reports \(event)", "Erbjuds när \(agency) meddelar \(event)")
    }
    /// The facts an offer fills in.
    func fillsIn(_ facts: String) -> String { self("fills in \(facts)", "fyller i \(facts)") }
    /// How long an offer stands: "the offer stands for 60 days".
    func offerLasts(_ duration: String) -> String { self("the offer stands for \(duration)", "erbjudandet gäller i \(duration)") }
    var and: String { self("and", "och") }
    var or: String { self("or", "eller") }
    var either: String { self("either", "antingen") }
    var needs: String { self("Needs", "Behöver") }
    /// Who a repeated step is done for: "For: you, your partner, child 1–8".
    var forEach: String { self("For", "För") }
    /// Who may move with the person: "Household: your partner (if movingWithPartner), child 1–8 (as many as childrenMoving)".
    var household: String { self("Household", "Hushåll") }

    /// The members a `forEach` list stands for, in the household's order: "you, your partner, child 1–8".
    func members(_ roles: [String], of journey: Journey) -> String {
        var names = roles.contains(HouseholdRole.you) ? [self("you", "du")] : []
        names += journey.household.filter { roles.contains($0.id) }.map { role(named: $0) }
        return names.joined(separator: ", ")
    }

    /// A role named for all its members: "your partner", "child 1–8".
    func role(named role: HouseholdRole) -> String {
        role.label.filling(["n": role.count.map { "1–\($0.max)" } ?? "1"])[language]
    }

    /// What decides a role's members: "if movingWithPartner", "as many as childrenMoving".
    func presence(of role: HouseholdRole) -> String {
        var parts: [String] = []
        if let when = role.when { parts.append(self("if \(when)", "om \(when)")) }
        if let count = role.count { parts.append(self("as many as \(count.fact)", "så många som \(count.fact)")) }
        return parts.joined(separator: self(", ", ", "))
    }
    var produces: String { self("Gives", "Ger") }

    /// "in English only" for a journey not written in this language.
    func writtenIn(_ language: Language) -> String {
        switch language.authored {
        case .en: self("in English only", "endast på engelska")
        case .sv: self("in Swedish only", "endast på svenska")
        }
    }

    /// How a step's further link is marked: needed, optional, or one to pick among.
    func linkMarker(_ kind: StepLink.Kind) -> String {
        switch kind {
        case .required: "-"
        case .optional: self("- (optional)", "- (frivilligt)")
        case .choice: self("- (if it applies)", "- (om det gäller dig)")
        }
    }

    func state(_ state: StepState) -> String {
        switch state {
        case .notApplicable: self("not needed", "behövs inte")
        case .locked: self("locked", "låst")
        case .available: self("available", "kan göras nu")
        case .inProgress: self("in progress", "pågår")
        case .waitingOnAgency: self("waiting on agency", "väntar på myndighet")
        case .needsAction: self("needs your action", "du behöver agera")
        case .done: self("done", "klart")
        case .rejected: self("rejected", "avslaget")
        case .skipped: self("skipped", "hoppade över")
        }
    }

    func status(_ status: EnrollmentStatus) -> String {
        switch status {
        case .active: self("in progress", "pågår")
        case .complete: self("complete", "klar")
        case .blocked: self("blocked", "stoppad")
        }
    }

    func ball(_ ball: BallHolder) -> String {
        switch ball {
        case .person: self("you", "du")
        case .agency: self("an agency", "en myndighet")
        case .nobody: self("nobody", "ingen")
        }
    }
}
