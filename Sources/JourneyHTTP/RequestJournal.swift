import Foundation
import JourneyModel
import JourneyStore
import Logging
import Synchronization

/// What a request was after, as far as it concerned a person's data.
public enum AccessSubject: Hashable, Sendable {
    case person(PersonID)
    case enrollment(EnrollmentID)
}

/// Writes what API requests did with a person's data into that person's access journal: every read, every change
/// and every refused attempt by a token Lotsen can name. Reads and changes are written before the answer goes out;
/// an answer whose entry could not be written is not sent. Entries of concurrent requests share one transaction
/// (``JournalBatcher``).
///
/// Refusals are bounded so that nobody can flood a person's journal: a request without a valid token names nobody
/// and is not journaled (anyone could otherwise write into any journal; the request log keeps it); a refusal about a
/// person or enrollment that does not exist is not journaled; and identical refusals (same person, token, route and
/// code) are written once per minute per node, the first of the minute.
public final class RequestJournal: Sendable {
    let store: any APIStore
    let batcher: JournalBatcher
    let refusals = RefusalWindow()
    let logger: Logger

    public init(store: any APIStore, logger: Logger) {
        self.store = store
        self.batcher = JournalBatcher(store: store)
        self.logger = logger
    }

    /// Appends entries of reads and changes; throws when they cannot be written.
    func record(_ entries: [AccessEntry]) async throws(StorageError) {
        try await batcher.append(entries)
    }

    /// Journals a refused request about `subject` by `principal` at `at`, once per minute for identical refusals. Never
    /// throws: the request is refused whatever happens here; an entry that cannot be written is logged, without the person.
    func recordRefusal(of subject: AccessSubject, by principal: Principal, purpose: String, code: String, at moment: Date) async {
        do {
            let person: PersonID?
            var journey: JourneyID?
            switch subject {
            case .person(let id):
                person = try await store.person(id: id)?.id
            case .enrollment(let id):
                let enrollment = try await store.enrollment(id: id)
                person = enrollment?.person
                journey = enrollment?.journey
            }
            guard let person, refusals.admits("\(person)\n\(principal.tokenID)\n\(purpose)\n\(code)", at: moment) else { return }
            let action: AccessEntry.Action = purpose.hasPrefix("GET ") || purpose.hasPrefix("HEAD ") ? .read : .change
            try await batcher.append([AccessEntry.request(at: moment, person: person, requester: principal.requester(towards: person, purpose: purpose),
                journey: journey, action: action, outcome: .refused, detail: code)])
        } catch {
            logger.error("a refusal could not be journaled", metadata: [
                "token.id": .string(principal.tokenID), "route": .string(purpose), "error": .string(((error as any Error) as? StorageError)?.code.rawValue ?? "failed"),
            ])
        }
    }
}

/// The refusals journaled in the current minute, so that a flood of identical refused requests writes one entry a
/// minute. Holds at most ``capacity`` keys; past that, refusals are journaled without coalescing rather than remembered.
final class RefusalWindow: Sendable {
    static let capacity = 10_000
    private let state = Mutex<(minute: Int64, seen: Set<String>)>((minute: 0, seen: []))

    /// Whether a refusal with `key` at `moment` is journaled: the first of its minute is, an identical one after is not.
    func admits(_ key: String, at moment: Date) -> Bool {
        let minute = Int64((moment.timeIntervalSinceReferenceDate / 60).rounded(.down))
        return state.withLock { state in
            if state.minute != minute { state = (minute, []) }
            if state.seen.contains(key) { return false }
            if state.seen.count < Self.capacity { state.seen.insert(key) }
            return true
        }
    }
}

extension Principal {
    /// The principal as a journal entry names it, towards `person`, on the route `purpose`.
    func requester(towards person: PersonID, purpose: String) -> AccessRequester {
        if let representation, self.person != person {
            return AccessRequester(token: tokenID, role: representation.isGuardian ? .guardian : .representative, purpose: purpose,
                representation: representation)
        }
        let role: AccessRequester.Role =
            switch self.role {
            case .citizen: self.person == person ? .person : .citizen
            case .caseworker: .caseworker
            case .agency: .agency
            case .counter: .counter
            }
        return AccessRequester(token: tokenID, role: role, purpose: purpose)
    }
}
