import JourneyEngine

/// Why a conversation stops before the person is done: unwinds from any prompt back to ``GuideSession/run()``.
enum GuideStop: Error {
    /// The person chose to save and quit.
    case quit
    /// The input ended (Ctrl-D, or the end of a pipe or script).
    case endOfInput
    /// The person pressed Ctrl-C.
    case interrupted
    /// A change could not be saved; everything before it was.
    case failed(EngineError)
    /// The person picked another language: the screen they were on is shown again in it (nothing is lost, since
    /// every answer is saved as it is given).
    case languageChanged
}
