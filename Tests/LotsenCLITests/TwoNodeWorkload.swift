import Foundation
import JourneyModel
import Logging
import PostgresNIO
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// MARK: - The workload

/// A person the API walks through `new-in-sweden`, by Lotsen reference.
struct Citizen: Sendable {
    let index: Int
    let reference: String
    let token: String
}

/// An event of a person's history as the checks compare it: kind and step or fact, and for a step its progress.
enum HistoryKey {
    static func make(kind: String, step: String, fact: String, detail: String) -> String {
        switch kind {
        case "stepProgressed": "\(kind) \(step) \(detail.split(separator: " ").first.map(String.init) ?? detail)"
        case "factRecorded": "\(kind) \(fact)"
        default: kind
        }
    }

    /// How many events `lotsen history` prints under the journey's heading.
    static func lines(of journey: String, in output: String) -> Int {
        var inside = false
        var count = 0
        for line in output.split(separator: "\n") {
            if !line.hasPrefix(" ") { inside = line.hasPrefix("\(journey) (") } else if inside { count += 1 }
        }
        return count
    }
}

extension Array where Element == String {
    func subtracting(_ other: [String]) -> [String] {
        var remaining = other
        var result: [String] = []
        for item in self {
            if let index = remaining.firstIndex(of: item) { remaining.remove(at: index) } else { result.append(item) }
        }
        return result
    }
}

/// The same journey for every person, each change sent to both nodes at once (or split between them).
final class Workload: Sendable {
    let client: APIClient
    let caseworker: String
    let agency: String
    let extraReads: Int
    private let enrollments = Mutex<[Int: String]>([:])
    private let receipts = Mutex<[String: Int]>([:])

    /// Requests per person without extra reads (see ``drive(_:)``).
    static let requestsPerPerson = 23

    /// The history of each person's `new-in-sweden`: every change once.
    static let expectedHistory: [String] = [
        "enrolled",
        "factRecorded citizenship", "factRecorded stayAtLeastOneYear", "factRecorded hasChildren", "factRecorded lookingForWork",
        "factRecorded hasForeignDrivingLicence", "factRecorded fullName", "factRecorded address",
        "factRecorded alreadyRegistered", "factRecorded passportNumber", "factRecorded permitGround",
        "stepProgressed residence-permit waitingOnAgency", "stepProgressed residence-permit completed",
        "stepProgressed residence-permit-card completed",
        "stepProgressed population-registration started", "stepProgressed population-registration completed",
        "stepProgressed identity-visit started", "stepProgressed identity-visit completed",
    ]

    init(client: APIClient, caseworker: String, agency: String, extraReads: Int) {
        self.client = client
        self.caseworker = caseworker
        self.agency = agency
        self.extraReads = extraReads
    }

    func enrollment(of citizen: Citizen) -> String? { enrollments.withLock { $0[citizen.index] } }

    /// How many receipts said `duplicate: false`, per message id.
    func firstReceipts() -> [String: Int] { receipts.withLock { $0 } }

    /// The same request to both nodes at the same time.
    private func both(_ method: String, _ path: String, token: String, body: Any? = nil) async throws -> [APIResponse] {
        nonisolated(unsafe) let body = body
        async let a = client.call(TwoNodeTests.nodeA, method, path, token: token, body: body)
        async let b = client.call(TwoNodeTests.nodeB, method, path, token: token, body: body)
        return try await [a, b]
    }

    /// Caseworker reads alternating between the nodes (they apply waiting agency events too).
    private func reads(_ enrollment: String, _ count: Int, person: Int) async throws {
        for index in 0..<count {
            let read = try await client.call((person + index) % 2, "GET", "/v1/enrollments/\(enrollment)", token: caseworker)
            #expect(read.status == 200, "caseworker read: \(read.status) \(read.text)")
        }
    }

    func drive(_ citizen: Citizen) async throws {
        let token = citizen.token
        let person = citizen.index
        // Both nodes: the journey started on the command line is returned (200), the same one by both.
        let mine = try await both("POST", "/v1/enrollments", token: token, body: ["journey": "new-in-sweden"])
        let ids = Set(mine.compactMap { $0.json?["id"] as? String })
        #expect(mine.allSatisfy { $0.status == 200 } && ids.count == 1, "start new-in-sweden again: \(mine.map(\.status)), ids \(ids)")
        let enrollment = try #require(ids.first)
        enrollments.withLock { $0[person] = enrollment }
        // Both nodes start a second journey at once: one creates it (201), the other finds it (200).
        let second = try await both("POST", "/v1/enrollments", token: token, body: ["journey": "starting-a-business"])
        // (When node b was killed under its request, the request went again to node a: then b may have made it.)
        let failedOver = second[1].node != TwoNodeTests.nodeB
        #expect(second.map(\.status).sorted() == [200, 201] || (failedOver && second.allSatisfy { $0.status == 200 }),
            "start starting-a-business on both nodes: \(second.map(\.status)) (expected one 201 and one 200)")
        #expect(Set(second.compactMap { $0.json?["id"] as? String }).count == 1, "two enrollments made for one person and journey")

        // Half the people get Migrationsverket's events before they reach the step: kept (202), applied later by
        // whichever node handles their next change or read.
        let early = person.isMultiple(of: 2)
        if early { try await agencyEvents(citizen, expectPending: true) }
        try await reads(enrollment, extraReads / 2, person: person)

        // Answers split between the nodes, at the same time; then the same answers to both.
        async let first = client.call(TwoNodeTests.nodeA, "POST", "/v1/enrollments/\(enrollment)/facts", token: token,
            body: ["answers": ["citizenship": "US", "stayAtLeastOneYear": true, "fullName": "Test Testsson", "passportNumber": "X1234567",
                "permitGround": "work"]])
        async let other = client.call(TwoNodeTests.nodeB, "POST", "/v1/enrollments/\(enrollment)/facts", token: token,
            body: ["answers": ["hasChildren": false, "lookingForWork": false, "hasForeignDrivingLicence": false]])
        let split = try await [first, other]
        #expect(split.allSatisfy { $0.ok }, "split answers: \(split.map { "\($0.status) \($0.text)" })")
        let same = try await both("POST", "/v1/enrollments/\(enrollment)/facts", token: token,
            body: ["answers": ["fullName": "Test Testsson", "address": "Testgatan 1, 111 11 Stockholm", "alreadyRegistered": false]])
        #expect(same.allSatisfy { $0.ok }, "the same answers on both nodes: \(same.map { "\($0.status) \($0.text)" })")

        if !early { try await agencyEvents(citizen, expectPending: false) }
        let looked = try await both("GET", "/v1/enrollments/\(enrollment)", token: caseworker)
        #expect(looked.allSatisfy { $0.stepStates["residence-permit"] == "done" },
            "residence-permit after both of Migrationsverket's events: \(looked.map { $0.stepStates["residence-permit"] ?? "?" })")

        // The same step start and completion on both nodes at once.
        let path = "/v1/enrollments/\(enrollment)/steps"
        for verb in ["start", "complete"] {
            let moved = try await both("POST", "\(path)/population-registration/\(verb)", token: token)
            #expect(moved.allSatisfy { $0.ok }, "\(verb) population-registration on both nodes: \(moved.map { "\($0.status) \($0.text)" })")
        }
        try await reads(enrollment, extraReads - extraReads / 2, person: person)
        // The residence permit card, collected before the identity check.
        let card = try await client.call(person % 2, "POST", "\(path)/residence-permit-card/complete", token: token)
        #expect(card.ok, "complete residence-permit-card: \(card.status) \(card.text)")
        // One step, started on one node and completed on the other.
        let begun = try await client.call(person % 2, "POST", "\(path)/identity-visit/start", token: token)
        #expect(begun.ok, "start identity-visit: \(begun.status) \(begun.text)")
        let done = try await client.call((person + 1) % 2, "POST", "\(path)/identity-visit/complete", token: token)
        #expect(done.ok && done.stepStates["identity-visit"] == "done", "complete identity-visit: \(done.status) \(done.text)")
        let last = try await both("GET", "/v1/enrollments/\(enrollment)", token: token)
        #expect(last.allSatisfy { $0.status == 200 && $0.stepStates["identity-visit"] == "done" }, "final read: \(last.map(\.status))")
    }

    /// Migrationsverket's `received`, then `decided: approved`, each sent to both nodes at once (the same message id
    /// twice): applied once, the other answer a duplicate.
    private func agencyEvents(_ citizen: Citizen, expectPending: Bool) async throws {
        for (suffix, type) in [("r", "received"), ("d", "decided")] {
            let messageID = "mig-\(citizen.index)-\(suffix)"
            var body: [String: Any] = ["messageId": messageID, "agency": "migrationsverket", "service": "migrationsverket.residence-permit",
                "person": citizen.reference, "journey": "new-in-sweden", "type": type, "caseReference": "MIG-\(citizen.index)", "language": "en"]
            if type == "decided" { body["decision"] = "approved" }
            let answers = try await both("POST", "/v1/agency-events", token: agency, body: body)
            #expect(answers.allSatisfy { $0.ok }, "\(messageID): \(answers.map { "\($0.status) \($0.text)" })")
            if expectPending {
                #expect(answers.allSatisfy { $0.status == 202 }, "\(messageID) before the step is reached: \(answers.map(\.status)), expected 202 twice")
            }
            let firsts = answers.filter { $0.json?["duplicate"] as? Bool == false }.count
            receipts.withLock { $0[messageID] = firsts }
            let duplicates = answers.filter { $0.json?["duplicate"] as? Bool == true }.count
            #expect(firsts + duplicates == 2, "\(messageID): receipts \(answers.map(\.text))")
        }
    }
}
