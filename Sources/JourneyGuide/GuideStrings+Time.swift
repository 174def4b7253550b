import JourneyModel

import JourneyEngine

/// The words of time: durations such as an agency's processing time ("4 weeks", "1 year and 2 months"), a step's
/// deadline, and a case the agency has had longer than usual.
///
/// ``ISODuration/humanReadable(in:)``, ``DueStanding/text(due:in:)`` and ``AgencyDelay/text(usually:in:)`` say the
/// same in English and Swedish for the API and the command line; the guide says it through its catalog, so a
/// translator gives every unit in `guide.yaml`. Each unit has a key for one and a key for more than one, as English
/// and Swedish need; a language with one form repeats it.
extension GuideStrings {
    /// "Due by 2027-02-28", "Due soon: by …" or "Overdue: it was due by …".
    func deadline(_ standing: DueStanding, day: String) -> String {
        switch standing {
        case .due: t("deadline.due", "Due by {day}", "Senast {day}", ["day": day])
        case .soon: t("deadline.soon", "Due soon: by {day}", "Snart dags: senast {day}", ["day": day])
        case .overdue: t("deadline.overdue", "Overdue: it was due by {day}", "Försenat: skulle vara klart senast {day}", ["day": day])
        }
    }

    /// "The agency has had this longer than it usually takes (about 4 months). …"
    func agencyDelay(usually processingTime: ISODuration) -> String {
        t("agency-delay", "The agency has had this longer than it usually takes (about {usually}). You can ask them how it is going.",
            "Myndigheten har haft ärendet längre än det brukar ta (ungefär {usually}). Du kan fråga dem hur det går.", ["usually": duration(processingTime)])
    }

    /// The duration's largest two parts (``ISODuration/largestParts(_:)``), such as "3 months" or "1 year and 2 months",
    /// since agencies give estimates.
    func duration(_ duration: ISODuration) -> String {
        list(duration.largestParts().map { amount(of: $0.unit, $0.amount) })
    }

    private func amount(of unit: ISODuration.Unit, _ count: Int) -> String {
        let values = ["count": "\(count)"]
        return switch (unit, count == 1) {
        case (.year, true): t("duration.year.one", "{count} year", "{count} år", values)
        case (.year, false): t("duration.year.many", "{count} years", "{count} år", values)
        case (.month, true): t("duration.month.one", "{count} month", "{count} månad", values)
        case (.month, false): t("duration.month.many", "{count} months", "{count} månader", values)
        case (.week, true): t("duration.week.one", "{count} week", "{count} vecka", values)
        case (.week, false): t("duration.week.many", "{count} weeks", "{count} veckor", values)
        case (.day, true): t("duration.day.one", "{count} day", "{count} dag", values)
        case (.day, false): t("duration.day.many", "{count} days", "{count} dagar", values)
        case (.hour, true): t("duration.hour.one", "{count} hour", "{count} timme", values)
        case (.hour, false): t("duration.hour.many", "{count} hours", "{count} timmar", values)
        case (.minute, true): t("duration.minute.one", "{count} minute", "{count} minut", values)
        case (.minute, false): t("duration.minute.many", "{count} minutes", "{count} minuter", values)
        case (.second, true): t("duration.second.one", "{count} second", "{count} sekund", values)
        case (.second, false): t("duration.second.many", "{count} seconds", "{count} sekunder", values)
        }
    }
}
