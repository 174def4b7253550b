import JourneyModel

/// The population register's record of custody (vårdnad), read through Skatteverket's `custody-record` lookup: which
/// children a person is a guardian of. Asked afresh at every act of a guardian, never remembered: custody can end any
/// day, and the register is the one that knows.
public struct CustodyRegister: Sendable {
    /// The lookup that answers, keyed by the guardian's number: `{"children": [{"personnummer": "…"}]}`.
    public static let service: ServiceID = "skatteverket.custody-record"
    /// Why Lotsen asks, sent as `X-Lotsen-Purpose`: to check a guardian, not for a journey.
    static let purpose = CallPurpose(journey: "guardianship", step: nil)

    let adapter: any AgencyAdapter

    public init(adapter: any AgencyAdapter) {
        self.adapter = adapter
    }

    /// The children in `guardian`'s custody as the register says now; empty when it has no record of any. Throws
    /// ``EngineError/Code/agencyFailed`` when the register cannot be asked or gives an answer that cannot be read: no
    /// answer never counts as custody.
    public func children(inCustodyOf guardian: Personnummer, today: CalendarDate) async throws(EngineError) -> [Personnummer] {
        let matches: [AgencyValue]
        do {
            matches = try await adapter.lookup(LookupRequest(service: Self.service, subject: guardian, fields: ["children"], purpose: Self.purpose))
        } catch {
            throw Self.unavailable("it did not answer (\(error.code.name))")
        }
        guard matches.count <= 1 else { throw Self.unavailable("it gave several records for one person") }
        guard let record = matches.first else { return [] }
        guard let listed = record.value(at: FieldMapping(fact: "children", field: "children")) else { return [] }
        guard case .array(let children) = listed else { throw Self.unavailable("its answer could not be read") }
        var numbers: [Personnummer] = []
        for child in children {
            guard case .object(let fields) = child, case .string(let text)? = fields["personnummer"],
                let number = try? Personnummer(parsing: text, today: today)
            else { throw Self.unavailable("its answer could not be read") }
            numbers.append(number)
        }
        return numbers
    }

    static func unavailable(_ why: String) -> EngineError {
        EngineError(.agencyFailed, "the population register could not say who has custody: \(why)",
            hint: "try again later; nobody acts as a guardian until the register answers")
    }
}
