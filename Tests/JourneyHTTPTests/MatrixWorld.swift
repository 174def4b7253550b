import Foundation
import HTTPTypes
import JourneyEngine
import JourneyModel
import JourneyStore
import Testing

/// Who sends a request in the authorization matrix.
enum Caller: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// No token at all.
    case anonymous
    /// The citizen whose data it is, identity proven by an eID login.
    case person
    /// A citizen whose number was only typed (never proven), asking about their own data.
    case unprovenPerson
    /// Another proven citizen, with no mandate.
    case otherCitizen
    /// A proven citizen acting under the person's mandate for the journey asked about (`Lotsen-Mandate`).
    case representative
    /// The same citizen naming a mandate of the person's that covers another journey only.
    case representativeOutsideMandate
    /// The guardian of a child under 18 (the representative's citizen, Skatteverket's sandbox says so), naming the
    /// child in `Lotsen-Guardian-For`; the request is about the child.
    case guardian
    /// The proven person, a parent but not that child's guardian, naming the same child; the request is about the child.
    case notGuardian
    case caseworker
    /// A caseworker at a counter, with a token made for the person present.
    case counter
    /// Migrationsverket's token; the pushed event is about its own service.
    case agency
    /// Bolagsverket's token, pushing the same event about Migrationsverket's service.
    case otherAgency

    var testDescription: String { rawValue }
}

/// One request of the matrix, ready to send.
struct MatrixRequest {
    let method: HTTPRequest.Method
    let uri: String
    let token: String?
    let json: Any?
    let headers: HTTPFields
}

/// The people, tokens and records a matrix request can be about: two founders (one proven, one not) a week before the
/// aktiebolag's deadline, each with a reminder and a consent; the proven one has granted two mandates to a third
/// citizen, one covering their journey and one covering a journey they have not started. The other citizen is a child
/// under 18 who founded the same company (proven, with their own reminder, consent and offer), whose only guardian in
/// the sandbox's population register is the third citizen.
struct MatrixWorld {
    static let journey = "starting-a-business"
    /// The step the step routes move: open once the memorandum is signed.
    static let step = "bank-certificate"

    let person: Citizen
    let unproven: Citizen
    let representative: Citizen
    let other: Citizen
    let caseworker: String
    let counter: String
    let agency: String
    let otherAgency: String
    let mandate: String
    let outsideMandate: String
    let consents: [PersonID: String]
    let news: [PersonID: String]
    let offers: [PersonID: String]
    let until: String

    static func make(_ harness: Harness, client: Client) async throws -> MatrixWorld {
        let person = try await founder(harness, OfficialTestNumbers.personnummer, client: client)
        let unproven = try await founder(harness, OfficialTestNumbers.centenarianPersonnummer, client: client)
        let representative = try await harness.citizen(identity: OfficialTestNumbers.leapDayPersonnummer, client: client)
        let other = try await founder(harness, OfficialTestNumbers.samordningsnummer, client: client)
        for (citizen, number) in [(person, OfficialTestNumbers.personnummer), (representative, OfficialTestNumbers.leapDayPersonnummer),
            (other, OfficialTestNumbers.samordningsnummer)]
        {
            _ = try await harness.engine.prove(ProvenIdentity(number: try Personnummer(parsing: number), proof: MandateTests.login),
                person: citizen.person)
        }
        // A week before the deadline to register the company: each founder has a due-soon reminder.
        harness.advance(days: 180)
        _ = try await harness.engine.fireDueTimers(in: harness.store)
        var consents: [PersonID: String] = [:]
        var news: [PersonID: String] = [:]
        var offers: [PersonID: String] = [:]
        for founder in [person, unproven, other] {
            let consent = Consent(person: founder.person, journey: JourneyID(journey), step: "name-check", service: "bolagsverket.name-check",
                direction: .fetch, fields: ["companyName"], decision: .granted, decidedAt: harness.now)
            try await harness.store.recordConsent(consent, journal: AccessEntry(at: harness.now, person: founder.person, actor: .person,
                journey: JourneyID(journey), step: nil, service: consent.service, action: .consentGranted, fields: consent.fields,
                outcome: .completed, detail: consent.id))
            consents[founder.person] = consent.id
            news[founder.person] = try #require(try await harness.store.reminders(of: founder.person).first).id.description
            // An offer of a journey they are not on, as a birth Skatteverket registered would make.
            let event = ReceivedLifeEvent(agency: "skatteverket", messageID: "matrix-\(founder.person)", kind: "birth-registered", fingerprint: "-",
                person: founder.person, receivedAt: harness.now, expiresAt: harness.now.addingTimeInterval(86_400))
            let offer = Offer(id: 0, person: founder.person, journey: "becoming-a-parent", agency: "skatteverket", event: "birth-registered",
                messageID: event.messageID, vouchedBy: "skatteverket.birth-record", facts: [], createdAt: harness.now,
                expiresAt: harness.now.addingTimeInterval(60 * 86_400))
            offers[founder.person] = try #require(try await harness.store.receive(event, offers: [offer]).first).id.description
        }
        let until = CalendarDate.today(now: harness.now.addingTimeInterval(30 * 86_400)).description
        func grant(_ journeys: [String]) async throws -> String {
            let reply = try await client.send(.post, "/v1/people/\(person.person)/mandates", token: person.token,
                json: ["representative": representative.person.rawValue, "journeys": journeys, "until": until])
            #expect(reply.status == .created, "\(reply.text)")
            return reply.string("id")
        }
        return MatrixWorld(person: person, unproven: unproven, representative: representative, other: other,
            caseworker: try await harness.token(.caseworker), counter: try await harness.token(.counter, person: person.person),
            agency: try await harness.token(.agency, agency: "migrationsverket"), otherAgency: try await harness.token(.agency, agency: "bolagsverket"),
            mandate: try await grant([journey]), outsideMandate: try await grant(["new-in-sweden"]), consents: consents, news: news, offers: offers,
            until: until)
    }

    /// A founder who has had the name checked and signed the memorandum: the aktiebolag is due six months later.
    static func founder(_ harness: Harness, _ number: String, client: Client) async throws -> Citizen {
        let citizen = try await harness.citizen(identity: number, journey: journey, client: client)
        let base = "/v1/enrollments/\(citizen.enrollment)"
        _ = try await client.send(.post, "\(base)/facts", token: citizen.token,
            json: ["answers": ["businessForm": "aktiebolag", "companyName": "Testbolaget AB"]])
        for step in ["name-check", "articles-of-association"] {
            #expect(try await client.send(.post, "\(base)/steps/\(step)/complete", token: citizen.token).status == .ok)
        }
        return citizen
    }

    /// `operation` (`METHOD /path` as documented) sent by `caller`, about the proven founder, or about the unproven one
    /// when that is the caller.
    func request(_ operation: String, by caller: Caller) -> MatrixRequest {
        let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
        let subject = caller == .unprovenPerson ? unproven : caller == .guardian || caller == .notGuardian ? other : person
        var uri = parts[1]
            .replacingOccurrences(of: "{personId}", with: subject.person.rawValue)
            .replacingOccurrences(of: "{enrollmentId}", with: subject.enrollment.rawValue)
            .replacingOccurrences(of: "{journeyId}", with: Self.journey)
            .replacingOccurrences(of: "{stepId}", with: Self.step)
            .replacingOccurrences(of: "{consentId}", with: consents[subject.person] ?? "")
            // The unproven founder could grant no mandate: theirs is one that does not exist.
            .replacingOccurrences(of: "{mandateId}", with: subject.person == person.person ? mandate : "md-none")
            .replacingOccurrences(of: "{newsId}", with: news[subject.person] ?? "")
            .replacingOccurrences(of: "{offerId}", with: offers[subject.person] ?? "")
        if uri == "/v1/enrollments" && parts[0] == "GET" || uri == "/v1/caseload" { uri += "?journey=\(Self.journey)" }
        let json: Any? =
            switch operation {
            case "POST /v1/enrollments": ["journey": "new-in-sweden"]
            case "POST /v1/enrollments/{enrollmentId}/facts": ["answers": ["companyName": "Andra Testbolaget AB"]]
            case "POST /v1/people/{personId}/mandates": ["representative": representative.person.rawValue, "journeys": [Self.journey], "until": until]
            case "POST /v1/sessions": ["idToken": "not-a-token", "nonce": "n-1"]
            case "POST /v1/agency-events": AgencyEventTests.event("matrix-1", person: OfficialTestNumbers.personnummer, type: "received")
            case "POST /v1/life-events":
                ["messageId": "matrix-life-1", "agency": "migrationsverket", "event": "residence-permit-granted",
                 "person": OfficialTestNumbers.personnummer, "fields": ["grantedOn": "2026-11-02"]]
            default: nil
            }
        let token: String? =
            switch caller {
            case .anonymous: nil
            case .person: person.token
            case .unprovenPerson: unproven.token
            case .otherCitizen: other.token
            case .representative, .representativeOutsideMandate, .guardian: representative.token
            case .notGuardian: person.token
            case .caseworker: caseworker
            case .counter: counter
            case .agency: agency
            case .otherAgency: otherAgency
            }
        var headers: HTTPFields = [:]
        if caller == .representative { headers[HTTPField.Name("Lotsen-Mandate")!] = mandate }
        if caller == .representativeOutsideMandate { headers[HTTPField.Name("Lotsen-Mandate")!] = outsideMandate }
        if caller == .guardian || caller == .notGuardian { headers[HTTPField.Name("Lotsen-Guardian-For")!] = other.person.rawValue }
        return MatrixRequest(method: HTTPRequest.Method(parts[0])!, uri: uri, token: token, json: json, headers: headers)
    }
}
