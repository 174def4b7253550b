/// The words of offers: a journey an agency's life event offers the person.
extension GuideStrings {
    func offerHeading(agency: String, event: String) -> String {
        switch event {
        case "birth-registered": t("offer-heading.birth-registered", "The {agency} has registered a birth in your family.", "{agency} har registrerat en födsel i din familj.", ["agency": agency])
        case "company-registered": t("offer-heading.company-registered", "The {agency} has registered your company.", "{agency} har registrerat ditt företag.", ["agency": agency])
        case "residence-permit-granted": t("offer-heading.residence-permit-granted", "The {agency} has granted you a residence permit.", "{agency} har beviljat dig uppehållstillstånd.", ["agency": agency])
        default: t("offer-heading.other", "{agency} has told Lotsen of a change in your life.", "{agency} har berättat för Lotsen om en förändring i ditt liv.", ["agency": agency])
        }
    }
    func offerIntro(_ journey: String) -> String { t("offer-intro", "Lotsen can guide you through: {journey}.", "Lotsen kan guida dig genom: {journey}.", ["journey": journey]) }
    func offerFilledIn(_ agency: String) -> String {
        t("offer-filled-in", "Already filled in, from the {agency}, so you are not asked:", "Redan ifyllt, från {agency}, så att du inte behöver svara:", ["agency": agency])
    }
    func offerStands(until day: String) -> String { t("offer-stands", "The offer stands until {day}.", "Erbjudandet gäller till och med {day}.", ["day": day]) }
    func offerAccept(_ journey: String) -> String { t("offer-accept", "Start “{journey}”", "Börja med ”{journey}”", ["journey": journey]) }
    var offerDecline: String { t("offer-decline", "No, thank you", "Nej tack") }
    var offerLater: String { t("offer-later", "Decide later", "Bestäm senare") }
    func offerDeclined(_ journey: String) -> String {
        t("offer-declined", "You said no to “{journey}”. You can still start it yourself from the list.",
            "Du tackade nej till ”{journey}”. Du kan fortfarande börja med den själv från listan.", ["journey": journey])
    }
}
