import JourneyStore

/// The words of the person's news: reminders of due-soon and overdue steps.
extension GuideStrings {
    func reminder(_ kind: Reminder.Kind, step: String, journey: String, day: String) -> String {
        switch kind {
        case .soon:
            t("reminder.soon", "Reminder: “{step}” ({journey}) is due soon: by {day}.", "Påminnelse: ”{step}” ({journey}) är snart dags: senast {day}.", ["step": step, "journey": journey, "day": day])
        case .overdue:
            t("reminder.overdue", "Reminder: “{step}” ({journey}) is overdue: it was due by {day}.",
                "Påminnelse: ”{step}” ({journey}) är försenat: det skulle vara klart senast {day}.", ["step": step, "journey": journey, "day": day])
        }
    }
}
