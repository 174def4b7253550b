/// The words the guide understands at any prompt besides answers and numbers, in both languages whatever the
/// guide speaks, so a script or a habit from the other language never misfires.
enum Command: Hashable {
    case quit
    case back
    case change
    /// "I don't have a number yet".
    case noNumber
    /// What Lotsen knows about me, and my access journal.
    case data
    /// Pick another language, at any prompt.
    case language
    /// The whole list of steps, where a shorter view is shown.
    case allSteps

    init?(_ input: String) {
        switch input.lowercased() {
        case "q", "quit", "exit", "a", "avsluta", "sluta": self = .quit
        case "b", "back", "t", "tillbaka": self = .back
        case "c", "change", "ä", "ändra": self = .change
        case "n", "new", "none", "ny", "inget": self = .noNumber
        case "d", "data", "u", "uppgifter": self = .data
        case "l", "language", "språk", "sprak": self = .language
        case "s", "steps", "steg", "all", "alla": self = .allSteps
        default: return nil
        }
    }
}
