/// The words of offers: a journey an agency's life event offers the person.
extension GuideStrings {
    func offerHeading(agency: String, event: String) -> String {
        switch event {
        case "birth-registered": t("The \(agency) has registered a birth in your family.", "\(agency) har registrerat en födsel i din familj.")
        case "company-registered": t("The \(agency) has registered your company.", "\(agency) har registrerat ditt företag.")
        case "residence-permit-granted": t("The \(agency) has granted you a residence permit.", "\(agency) har beviljat dig uppehållstillstånd.")
        default: t("\(agency) has told Lotsen of a change in your life.", "\(agency) har berättat för Lotsen om en förändring i ditt liv.")
        }
    }
    func offerIntro(_ journey: String) -> String { t("Lotsen can guide you through: \(journey).", "Lotsen kan guida dig genom: \(journey).") }
    func offerFilledIn(_ agency: String) -> String {
        t("Already filled in, from the \(agency), so you are not asked:", "Redan ifyllt, från \(agency), så att du inte behöver svara:")
    }
    func offerStands(until day: String) -> String { t("The offer stands until \(day).", "Erbjudandet gäller till och med \(day).") }
    func offerAccept(_ journey: String) -> String { t("Start “\(journey)”", "Börja med ”\(journey)”") }
    var offerDecline: String { t("No, thank you", "Nej tack") }
    var offerLater: String { t("Decide later", "Bestäm senare") }
    func offerDeclined(_ journey: String) -> String {
        t("You said no to “\(journey)”. You can still start it yourself from the list.",
            "Du tackade nej till ”\(journey)”. Du kan fortfarande börja med den själv från listan.")
    }
}
