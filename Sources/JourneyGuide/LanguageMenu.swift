import JourneyModel

/// The first screen when neither `--lang` nor the locale chose a language: every language in its own name, so a
/// reader finds theirs without reading any other.
struct LanguageMenu {
    var screen: Screen {
        var screen = Screen([Line("Lotsen", style: .title), Line("Välj språk · Choose a language", style: .heading)])
        for (number, language) in Language.allCases.enumerated() {
            screen.add(Line(language.nativeName, prefix: "  \(number + 1)) "))
        }
        return screen
    }
}

extension GuideSession {
    /// Asks for the language, when the session was told to; everything after it is in the chosen one.
    func chooseLanguage() throws(GuideStop) {
        present(LanguageMenu().screen)
        while true {
            if case .number(let index) = try choose(Language.allCases.count) {
                strings = GuideStrings(language: Language.allCases[index])
                return
            }
        }
    }
}
