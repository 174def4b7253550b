import JourneyEngine
import JourneyModel

/// Every language in its own name, so a reader finds theirs without reading any other: the first screen when
/// neither `--lang` nor the locale chose one, and at any prompt after `l`.
struct LanguageMenu {
    var screen: Screen {
        var screen = Screen([Line("Lotsen", style: .title), Line("Välj språk · Choose a language", style: .heading)])
        for (number, language) in Language.allCases.enumerated() {
            screen.add(Line(language.nativeName, prefix: "  \(number + 1)) "))
        }
        screen.add(Line("l: Byt språk när som helst · Change language at any prompt", style: .muted))
        return screen
    }
}

extension GuideSession {
    /// Says once per language in this visit, in that language, that the journey's translation is not reviewed.
    func tellIfUnreviewed(_ journey: Journey) {
        let language = strings.language
        guard !language.isAuthoring, !toldUnreviewed.contains(language),
            engine.library.translations(of: journey.id).contains(where: { $0.language == language && !$0.reviewed })
        else { return }
        toldUnreviewed.insert(language)
        notices.append(Line(strings.unreviewedTranslation, style: .muted))
    }

    /// Asks for the language; everything after it is in the chosen one.
    func chooseLanguage() throws(GuideStop) {
        present(LanguageMenu().screen)
        while true {
            if case .number(let index) = try choose(Language.allCases.count) {
                strings = GuideStrings(language: Language.allCases[index])
                if let current { tellIfUnreviewed(current.journey) }
                return
            }
        }
    }
}
