import JourneyEngine
import JourneyModel
import JourneyStore

extension GuideSession {
    /// Puts the person's new reminders, oldest first, on top of the first screen, then marks them read: the person
    /// has seen them, and the next visit does not show them again.
    func showNews(of person: PersonID) throws(GuideStop) {
        let engine = self.engine
        let news: [Reminder]
        do { news = try awaitFromThread { () async throws(EngineError) in try await engine.news(of: person) } } catch { throw .failed(error) }
        for reminder in news.reversed() where reminder.readAt == nil {
            let journey = engine.library.journey(reminder.journey)
            let step = strings.text(journey?.step(reminder.step)?.title) ?? reminder.step.rawValue
            let title = strings.text(journey?.title) ?? reminder.journey.rawValue
            notices.append(Line(strings.reminder(reminder.kind, step: step, journey: title, day: DueStanding.day(of: reminder.due)), style: .warning))
            let id = reminder.id
            do { _ = try awaitFromThread { () async throws(EngineError) in try await engine.markNewsRead(id, of: person) } } catch { throw .failed(error) }
        }
    }
}
