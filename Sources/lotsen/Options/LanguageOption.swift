import ArgumentParser
import Foundation
import JourneyModel

/// The language of journey texts: `--lang`, else `LANG`, else English.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Language of journey texts: sv, en, ar, fa, so, ti or uk (default: from LANG, else en).",
        valueName: "code"))
    var lang: Language?

    var language: Language { decided ?? .en }

    /// The language `--lang` or the locale chose; `nil` when neither names one of Lotsen's.
    var decided: Language? {
        if let lang { return lang }
        let environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], let language = Language(localeIdentifier: value) { return language }
        }
        return nil
    }
}

extension Language: ExpressibleByArgument {}
