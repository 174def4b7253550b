import ArgumentParser
import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore

/// `lotsen answer`: records facts the person gives, such as `citizenship=DE hasChildren=yes`.
struct AnswerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Record answers (facts) for a person, such as citizenship=DE hasChildren=yes.",
        discussion: """
            Each answer is FACT=VALUE. Values are checked against the fact's type: yes/no (ja/nej), numbers, \
            dates as YYYY-MM-DD, countries by name or code, a choice by its value or label. Numbers are checked \
            against the fact's range and, with --lang sv, take a decimal comma (2,5); in English a comma only groups \
            thousands (1,500). A text is one line of at most 500 characters (or the fact's maxLength), without \
            control characters. If any answer is invalid, nothing is recorded. Answering again changes the answer \
            and recomputes the plan.
            """
    )

    @Argument(help: ArgumentHelp("Answers as FACT=VALUE.", valueName: "fact=value"))
    var answers: [String]

    @OptionGroup var who: PersonOptions
    @OptionGroup var library: LibraryOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard !answers.isEmpty else { throw ValidationError("give at least one answer as FACT=VALUE") }
        for answer in answers where Self.split(answer) == nil {
            throw ValidationError("'\(answer.prefix { $0 != "=" })' has no value; write it as FACT=VALUE")
        }
    }

    static func split(_ answer: String) -> (fact: FactID, text: String)? {
        guard let equals = answer.firstIndex(of: "="), equals != answer.startIndex else { return nil }
        return (FactID(String(answer[..<equals]).trimmingCharacters(in: .whitespaces)), String(answer[answer.index(after: equals)...]))
    }

    func run() async throws {
        try await reportingFailures {
            let context = try await EngineContext(library: library, database: database)
            let reference = try who.reference()
            let person = try await context.engine.person(reference)
            let overview = try await context.engine.answer(person: person.id, journey: who.journeyID, answers: answers.compactMap(Self.split),
                language: language.language)
            let label = Labels(language: language.language)
            let names = answers.compactMap(Self.split).map(\.fact.rawValue).joined(separator: ", ")
            Console.print(label("Recorded: \(names).", "Sparat: \(names)."))
            let report = StatusReport(catalog: context.library.catalog, language: language.language, now: context.engine.now,
                personArgument: reference.commandArgument(person: person.id))
            for view in overview.enrollments where who.journeyID == nil || view.journey.id == who.journeyID {
                Console.print()
                report.render(view).forEach { Console.print($0) }
            }
        }
    }
}
