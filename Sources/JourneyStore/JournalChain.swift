import Foundation
import JourneyModel

/// The access journal's hash chain, the same for every store: each entry holds the SHA-256 of its own columns and
/// the hash of the entry before it, so an edited, removed or reordered entry shows. Stores only keep rows; how
/// entries are chained and checked lives here, so `lotsen journal verify` agrees on every store.
public enum JournalChain {
    /// What the first entry points back at.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Numbers and chains `entries` after the journal's last entry (`nil` for an empty journal), ready to insert.
    /// The caller holds the journal's write lock from reading `last` until the entries are stored.
    public static func chain(_ entries: [AccessEntry], after last: (sequence: Int64, hash: String)?) -> [AccessEntry] {
        var sequence = last?.sequence ?? 0
        var previous = last?.hash ?? genesisHash
        return entries.map { entry in
            var entry = entry
            sequence += 1
            entry.sequence = sequence
            entry.previousHash = previous
            entry.hash = hash(of: entry)
            previous = entry.hash
            return entry
        }
    }

    /// SHA-256 over every stored column but the hash itself, in a fixed order with unambiguous separators. A moment
    /// is hashed as the bits of its seconds since 2001, so a store must keep moments exactly (see `storedSeconds`).
    /// The requester's columns (since v8) come last and only when present, so entries written before keep their hash.
    public static func hash(of entry: AccessEntry) -> String {
        var parts: [String] = [
            String(entry.sequence), String(entry.at.storedSeconds.bitPattern), entry.person.rawValue, entry.actor.rawValue,
            entry.journey?.rawValue ?? "", entry.step?.rawValue ?? "", entry.agency?.rawValue ?? "", entry.service?.rawValue ?? "",
            entry.action.rawValue, fieldList(entry.fields), entry.outcome.rawValue, entry.detail ?? "", entry.previousHash,
        ]
        if let requester = entry.requester {
            parts += [requester.token, requester.role.rawValue, requester.purpose]
            // Since v10, and only when present, so entries written before keep their hash.
            if let representation = requester.representation {
                parts += [representation.representative.rawValue, representation.storedBasis]
            }
        }
        // Each part is length-prefixed, so no choice of values can make two different entries hash the same text.
        let text = parts.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return Fingerprint.sha256(text)
    }

    /// How a list of field names is stored and hashed: names joined with commas (names never hold one).
    public static func fieldList(_ fields: [FactID]) -> String { fields.map(\.rawValue).joined(separator: ",") }

    /// The field names of a stored list.
    public static func fields(_ text: String) -> [FactID] { text.split(separator: ",").map { FactID(String($0)) } }

    /// Checks a journal entry by entry, oldest first, without holding it all in memory.
    public struct Verifier: Sendable {
        private var previous = JournalChain.genesisHash
        private var expectedSequence: Int64 = 1
        private var count = 0
        private var problem: JournalVerification.Problem?

        public init() {}

        /// Checks the next entry. `agencyColumn` is the agency a store keeps beside the service (for its indexes):
        /// it repeats the service's agency, so it is checked against it rather than hashed.
        public mutating func check(_ entry: AccessEntry, agencyColumn: String?) {
            count += 1
            if problem == nil {
                if entry.sequence != expectedSequence {
                    problem = .missing(before: entry.sequence)
                } else if entry.hash != JournalChain.hash(of: entry) || agencyColumn != entry.agency?.rawValue {
                    problem = .edited(sequence: entry.sequence)
                } else if entry.previousHash != previous {
                    problem = .brokenLink(sequence: entry.sequence)
                }
            }
            previous = entry.hash
            expectedSequence = entry.sequence + 1
        }

        /// The head hash a finished check arrived at.
        public var head: String { previous }

        /// The result. `expectedHead` is a head kept from an earlier check; `headIsStored` says whether an entry with
        /// that hash is still stored. When it is not, the entries after some point were removed.
        public func verification(expectedHead: String?, headIsStored: Bool) -> JournalVerification {
            var problem = self.problem
            if problem == nil, let expectedHead, expectedHead != previous, !headIsStored {
                problem = .missing(before: expectedSequence)
            }
            return JournalVerification(entries: count, head: previous, problem: problem)
        }
    }
}
