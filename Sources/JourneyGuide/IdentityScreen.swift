import JourneyModel

/// Asks who the person is: a personnummer or samordningsnummer, a Lotsen reference from an earlier visit, or
/// "I don't have one yet", which issues a reference.
struct IdentityScreen {
    let journey: Journey
    let strings: GuideStrings

    var screen: Screen {
        var screen = Screen([Line(strings.text(journey.title), style: .title), Line(strings.whoAreYou, style: .heading)])
        screen.add(Line(strings.identityText))
        screen.addBlank()
        screen.add(Line(strings.typeOneOf))
        screen.add(Line(strings.identityNumberOption, prefix: "  - "))
        screen.add(Line(strings.identityReferenceOption, prefix: "  - "))
        screen.add(Line(strings.orHeading))
        screen.add(Line(strings.noNumberYet, prefix: "  \(strings.key(.noNumber))) "))
        screen.add(Line(strings.quit, prefix: "  \(strings.key(.quit))) "))
        return screen
    }
}
