import JourneyModel
import Synchronization

/// Custody the sandbox's population register no longer shows, so a test can end a guardian's custody while Lotsen is
/// running (a court's decision, in real life) and see the guardian refused at once. Kept in memory only.
final class SandboxCustodyBoard: Sendable {
    private let ended = Mutex<Set<String>>([])

    /// Ends (or, with `false`, restores) `guardian`'s custody of `child`.
    func set(custody: Bool, guardian: Personnummer, child: Personnummer) {
        let key = Self.key(guardian.twelveDigits, child.twelveDigits)
        ended.withLock { ended in
            if custody { _ = ended.remove(key) } else { _ = ended.insert(key) }
        }
    }

    /// `record`, a custody record of `guardian`, without the children whose custody was ended.
    func current(_ record: SandboxJSON, guardian: String) -> SandboxJSON {
        guard var fields = record.objectValue, let children = fields["children"]?.arrayValue else { return record }
        let ended = ended.withLock { $0 }
        fields["children"] = .array(children.filter { child in
            guard let number = child.objectValue?["personnummer"]?.stringValue else { return true }
            return !ended.contains(Self.key(guardian, number))
        })
        return .object(fields)
    }

    private static func key(_ guardian: String, _ child: String) -> String { "\(guardian) \(child)" }
}
