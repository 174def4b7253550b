import JourneyModel

/// The words of a guardian acting for their child: the choice after logging in, and the line every screen shows then.
/// Kept in this one file, apart from the other screens' words.
extension GuideStrings {
    /// Who acted, in the child's journal: their guardian.
    var yourGuardian: String { t("guardian.your-guardian", "your guardian", "din vårdnadshavare") }
}

extension GuideStrings {
    var guardianTitle: String { t("guardian.title", "Act for your child", "Gör ärenden åt ditt barn") }
    var guardianLoginWhy: String {
        t("guardian.login-why", "To act for your child, show who you are with your e-legitimation (such as BankID or Freja). Lotsen then asks the population register at the Swedish Tax Agency which children under 18 you have custody of.",
            "För att göra ärenden åt ditt barn visar du vem du är med din e-legitimation (till exempel BankID eller Freja). Lotsen frågar sedan folkbokföringen hos Skatteverket vilka barn under 18 år du har vårdnaden om.")
    }
    var guardianForMyself: String { t("guardian.for-myself", "No, go on for myself", "Nej, fortsätt för min egen del") }
    var guardianChoose: String {
        t("guardian.choose", "The population register shows that you have custody of:", "Enligt folkbokföringen har du vårdnaden om:")
    }
    func guardianChild(born: CalendarDate) -> String { t("guardian.child", "your child born {born}", "ditt barn fött {born}", ["born": "\(born)"]) }
    var guardianNoChildren: String {
        t("guardian.no-children", "The population register shows no child under 18 in your custody, so you go on for yourself.",
            "Enligt folkbokföringen har du inte vårdnaden om något barn under 18 år, så du fortsätter för din egen del.")
    }
    var guardianRegisterUnavailable: String {
        t("guardian.register-unavailable", "The population register could not be asked about custody, so you cannot act for a child now. You go on for yourself; try again later.",
            "Folkbokföringen gick inte att fråga om vårdnaden, så du kan inte göra ärenden åt ett barn just nu. Du fortsätter för din egen del; försök igen senare.")
    }
    var guardianNeedsNumber: String {
        t("guardian.needs-number", "To act for your child, start the guide with your own personal identity number (--person). You go on for yourself.",
            "För att göra ärenden åt ditt barn startar du guiden med ditt eget personnummer (--person). Du fortsätter för din egen del.")
    }
    var guardianNeedsLogin: String {
        t("guardian.needs-login", "Acting for a child needs a login with e-legitimation, which is not available here. You go on for yourself.",
            "För att göra ärenden åt ett barn behövs inloggning med e-legitimation, som inte finns här. Du fortsätter för din egen del.")
    }
    var guardianStarted: String {
        t("guardian.started", "You now act for your child as their guardian. Their journal shows every change as made by their guardian.",
            "Du gör nu ärenden åt ditt barn som vårdnadshavare. Barnets logg visar varje ändring som gjord av vårdnadshavaren.")
    }
    /// The line at the top of every screen while a guardian acts for their child.
    func actingForChild(born: CalendarDate) -> String {
        t("guardian.acting-for-child", "You are acting for your child born {born}, as their guardian.", "Du gör ärenden åt ditt barn fött {born}, som vårdnadshavare.", ["born": "\(born)"])
    }
    var guardianRegisterGone: String {
        t("guardian.register-gone", "The population register could not be asked whether you still have custody, so Lotsen changed nothing and stopped. Try again later.",
            "Folkbokföringen gick inte att fråga om du fortfarande har vårdnaden, så Lotsen ändrade inget och avslutade. Försök igen senare.")
    }
    var guardianCustodyEnded: String {
        t("guardian.custody-ended", "The population register no longer shows your custody of this child, or they have turned 18, so Lotsen changed nothing and stopped.",
            "Enligt folkbokföringen har du inte längre vårdnaden om barnet, eller så har barnet fyllt 18 år, så Lotsen ändrade inget och avslutade.")
    }
    /// How a guardian continues acting for their child: as themself, never as the child.
    func howToContinueAsGuardian(journey: JourneyID, guardian: PersonID) -> String {
        t("guardian.how-to-continue", "To continue for your child, run: lotsen guide {journey} --as-guardian --person {guardian}",
            "Fortsätt senare för ditt barn med: lotsen guide {journey} --as-guardian --person {guardian}",
            ["journey": journey.rawValue, "guardian": guardian.rawValue])
    }
}
