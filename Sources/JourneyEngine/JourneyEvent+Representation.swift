import JourneyStore

extension [JourneyEvent] {
    /// The events with `representation` recorded on each: "X acting for Y".
    func representing(_ representation: Representation?) -> [JourneyEvent] {
        guard let representation else { return self }
        return map { event in
            var event = event
            event.representation = representation
            return event
        }
    }
}
