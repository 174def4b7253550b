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
    /// Says once per language in this visit, in that language, that the journey's or the guide's translation is not reviewed.
    func tellIfUnreviewed(_ journey: Journey) {
        let language = strings.language
        // The guide's own words count once some are translated: an empty skeleton shows English, nothing unreviewed.
        let guideUnreviewed = strings.translation.map { !$0.reviewed && !$0.entries.isEmpty } ?? false
        guard !language.isAuthoring, !toldUnreviewed.contains(language),
            guideUnreviewed || engine.library.translations(of: journey.id).contains(where: { $0.language == language && !$0.reviewed })
        else { return }
        toldUnreviewed.insert(language)
        notices.append(Line(strings.unreviewedTranslation, style: .muted))
    }

    /// Asks for the language; everything after it is in the chosen one.
    func chooseLanguage() throws(GuideStop) {
        present(LanguageMenu().screen)
        while true {
            if case .number(let index) = try choose(Language.allCases.count) {
                let language = Language.allCases[index]
                strings = GuideStrings(language: language, translation: engine.library.guideTranslation(language))
                if let current { tellIfUnreviewed(current.journey) }
                return
            }
        }
    }
}
