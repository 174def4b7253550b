/// "Did you mean …?" suggestions for misspelled names: facts, set names, options, YAML keys.
public enum Suggestion {
    /// The candidate closest to `word`, or `nil` when none is close enough to be a plausible typo.
    ///
    /// Closeness is the case-insensitive Damerau–Levenshtein distance (optimal string alignment: insertions,
    /// deletions, substitutions and swaps of two neighbouring characters each cost 1). A candidate is accepted
    /// when its distance is at most `max(1, word.count / 3)`, so short words only match near-identical ones.
    /// Ties go to the candidate that sorts first, so the answer does not depend on the sequence's order.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let query = Array(word.lowercased())
        guard !query.isEmpty else { return nil }
        let limit = max(1, query.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            // The length difference is a lower bound of the distance: skip the table for hopeless candidates.
            guard abs(other.count - query.count) <= limit else { continue }
            let distance = distance(query, other)
            guard distance <= limit else { continue }
            if let current = best, current.distance < distance || (current.distance == distance && current.candidate <= candidate) {
                continue
            }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// The case-insensitive Damerau–Levenshtein distance (optimal string alignment) between two strings.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased()), Array(b.lowercased()))
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rolling rows: the swap rule looks two rows back.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
