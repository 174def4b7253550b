import JourneyModel

/// The life events the sandbox agencies can tell Lotsen of (`lotsen sandbox emit`), for their test people only, so
/// that offers can be tried without a real agency: what a real agency sends to `POST /v1/life-events`.
public enum SandboxLifeEvents {
    /// The events the sandbox emits, by kind.
    public static let kinds = ["birth-registered"]

    /// A birth the sandbox's Skatteverket registers to `parent`, a test person in its population register: a child
    /// born on `born`, the parents married as the parent's civil status says.
    public static func birthRegistered(parent: Personnummer, born: CalendarDate) throws(SandboxError) -> (event: AgencyLifeEvent, fields: [String: FactValue]) {
        guard let record = SandboxRegister.records(agency: "skatteverket", service: "population-record", personnummer: parent).first,
            let event = AgencyLifeEvent.named(agency: "skatteverket", kind: "birth-registered")
        else {
            throw SandboxError(.unknownTestPerson, "that number is not one of the sandbox's test people",
                hint: "use a test person of the sandbox's Skatteverket, such as \(SandboxSeed.registeredPerson)")
        }
        let married = record.value(at: "civilStatus")?.stringValue == "gift"
        return (event, ["birthDate": .date(born), "parentsMarried": .bool(married)])
    }
}
