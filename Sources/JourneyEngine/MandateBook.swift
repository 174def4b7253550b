import Foundation
import JourneyModel
import JourneyStore

/// Mandates (fullmakter): a proven person lets another proven person act for them in some journeys and services, for
/// a span of days, until they withdraw it. Granting and withdrawing are written in the journals of both, in the same
/// transaction as the mandate. Needs no agency, so the command line and the API share it.
public struct MandateBook: Sendable {
    let store: any MandateStore & JourneyStore
    let library: JourneyLibrary
    let clock: @Sendable () -> Date
    let timeZone: TimeZone

    /// `timeZone` is where a mandate's days begin and end: Sweden's.
    public init(store: any MandateStore & JourneyStore, library: JourneyLibrary, clock: @escaping @Sendable () -> Date = { Date() },
        timeZone: TimeZone = TimeZone(identifier: "Europe/Stockholm") ?? .current)
    {
        self.store = store
        self.library = library
        self.clock = clock
        self.timeZone = timeZone
    }

    /// Who made a change, as the journal names it towards one person: `nil` for the command line (an operator on the
    /// machine), a token and route for the API.
    public typealias Requester = @Sendable (PersonID) -> AccessRequester?

    /// Grants `representative` a mandate to act for `grantor` in `journeys` and `services`, from the start of `from`
    /// to the end of `until` (days in Sweden). Both must be proven people; the representative is refused with the same
    /// words whether they do not exist or have not proved who they are, so a grant cannot tell the two apart.
    public func grant(by grantor: PersonID, to representative: PersonID, journeys: [JourneyID], services: [ServiceID], from: CalendarDate,
        until: CalendarDate, requester: Requester = { _ in nil }) async throws(EngineError) -> Mandate
    {
        guard let grantorRecord = try await storage({ () async throws(StorageError) in try await store.person(id: grantor) }) else {
            throw EngineError.unknownPerson(grantor)
        }
        guard grantorRecord.isProven else {
            throw EngineError(.notProven, "only a person who proved who they are can grant a mandate",
                hint: "log in with e-legitimation first: lotsen login")
        }
        guard representative != grantor else {
            throw EngineError(.invalidValue, "a person cannot grant a mandate to themself", field: "representative")
        }
        guard try await storage({ () async throws(StorageError) in try await store.person(id: representative) })?.isProven == true else {
            throw EngineError(.invalidValue, "the representative must be a person who logged in to Lotsen with e-legitimation",
                hint: "ask them for the Lotsen reference (lp-...) they were given when they logged in", field: "representative")
        }
        guard !journeys.isEmpty || !services.isEmpty else {
            throw EngineError(.invalidValue, "a mandate needs a scope: at least one journey or service", field: "journeys")
        }
        for journey in journeys where library.journey(journey) == nil {
            throw EngineError(.unknownJourney, "no journey '\(journey)'", hint: "see them with: lotsen journeys", field: "journeys")
        }
        for service in services where library.catalog.service(service) == nil {
            throw EngineError(.invalidValue, "no service '\(service)'", hint: "services are named agency.service, as in adapters/", field: "services")
        }
        let now = clock()
        guard from <= until else { throw EngineError(.invalidValue, "the mandate ends before it starts", field: "until") }
        guard until >= CalendarDate.today(in: timeZone, now: now) else { throw EngineError(.invalidValue, "the mandate ends in the past", field: "until") }
        let mandate = Mandate(id: "md-" + ReferenceGenerator.random(), grantor: grantor, representative: representative,
            journeys: Self.unique(journeys), services: Self.unique(services), validFrom: start(of: from),
            validUntil: start(of: CalendarDate(dayNumber: until.dayNumber + 1)), grantedAt: now)
        try await storage { () async throws(StorageError) in
            try await store.grantMandate(mandate, journal: entries(.mandateGranted, of: mandate, at: now, requester: requester))
        }
        return mandate
    }

    /// The mandates `person` granted or holds, oldest first.
    public func mandates(of person: PersonID) async throws(EngineError) -> [Mandate] {
        try await storage { () async throws(StorageError) in try await store.mandates(of: person) }
    }

    /// Withdraws a mandate `grantor` granted: from now on the representative acts for them no more. Withdrawing one
    /// already withdrawn changes nothing.
    public func withdraw(_ id: String, by grantor: PersonID, requester: Requester = { _ in nil }) async throws(EngineError) -> Mandate {
        let now = clock()
        guard let found = try await storage({ () async throws(StorageError) in try await store.mandate(id: id) }), found.grantor == grantor else {
            throw EngineError(.unknownMandate, "this person granted no mandate '\(id)'", hint: "list them with: lotsen mandate list --person ...")
        }
        let journal = entries(.mandateWithdrawn, of: found, at: now, requester: requester)
        let withdrawn = try await storage { () async throws(StorageError) in
            try await store.withdrawMandate(id: id, grantor: grantor, at: now, journal: journal)
        }
        guard let withdrawn else { throw EngineError(.unknownMandate, "this person granted no mandate '\(id)'") }
        return withdrawn
    }

    /// The first moment of `day` in Sweden.
    public func start(of day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date.distantPast
    }

    /// The day in Sweden that `moment` falls on.
    public func day(of moment: Date) -> CalendarDate { CalendarDate.today(in: timeZone, now: moment) }

    /// The mandate's last day (it holds until that day ends).
    public func lastDay(of mandate: Mandate) -> CalendarDate { day(of: mandate.validUntil.addingTimeInterval(-1)) }

    /// One entry for the grantor and one for the representative: each is told, in their own journal.
    private func entries(_ action: AccessEntry.Action, of mandate: Mandate, at now: Date, requester: Requester) -> [AccessEntry] {
        [mandate.grantor, mandate.representative].map { person in
            AccessEntry(at: now, person: person, actor: .person, journey: nil, step: nil, service: nil, action: action, fields: [],
                outcome: .completed, detail: mandate.id, requester: requester(person))
        }
    }

    private static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen: Set<T> = []
        return values.filter { seen.insert($0).inserted }
    }
}
