import ArgumentParser
import JourneyEngine
import JourneyModel

/// The person a command acts for, and optionally which of their journeys.
struct PersonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The person: personnummer, samordningsnummer, or Lotsen reference (lp-...).", valueName: "id"))
    var person: String

    @Option(name: .long, help: ArgumentHelp("The journey, when the person has started several that could match.", valueName: "journey"))
    var journey: String?

    var journeyID: JourneyID? { journey.map(JourneyID.init) }

    func reference() throws -> PersonReference {
        let reference = try PersonReference(parsing: person)
        if reference == .new {
            throw ValidationError("'--person new' only works with 'lotsen start'; use the reference it gave you (lp-...)")
        }
        return reference
    }
}
