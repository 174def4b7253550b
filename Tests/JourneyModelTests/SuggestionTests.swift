import Testing

import JourneyModel

@Suite("Suggestion")
struct SuggestionTests {
    @Test("distance counts insertions, deletions, substitutions and swaps, ignoring case", arguments: [
        ("kitten", "sitting", 3),
        ("", "abc", 3),
        ("abc", "", 3),
        ("same", "same", 0),
        ("ABC", "abc", 0),
        ("ab", "ba", 1),
        ("citizenshp", "citizenship", 1),
        ("adn", "and", 1),
        ("ca", "abc", 3),  // optimal string alignment: a swapped pair is not edited again
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(Suggestion.distance(a, b) == expected)
        #expect(Suggestion.distance(b, a) == expected)
    }

    @Test("suggests the closest candidate that is a plausible typo", arguments: [
        ("citizenshp", ["citizenship", "hasChildren", "age"], "citizenship"),
        ("enskildfirma", ["enskildFirma", "aktiebolag"], "enskildFirma"),
        ("EU_EA", ["EU", "EU_EEA", "EU_EEA_CH", "NORDIC"], "EU_EEA"),
        ("agee", ["age", "page"], "age"),
        ("hasChlidren", ["hasChildren"], "hasChildren"),
    ])
    func suggests(word: String, candidates: [String], expected: String) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    @Test("suggests nothing when every candidate is too far", arguments: [
        ("zzz", ["citizenship", "age"]),
        ("x", ["abc"]),
        ("", ["a"]),
        ("numberOfPets", ["municipality", "movingWithFamily"]),
    ])
    func nothingClose(word: String, candidates: [String]) {
        #expect(Suggestion.closest(to: word, among: candidates) == nil)
    }

    @Test("the accepted distance grows with the word: max(1, length / 3)")
    func threshold() async {
        #expect(Suggestion.closest(to: "ab", among: ["xb"]) == "xb")  // 1 edit allowed
        #expect(Suggestion.closest(to: "ab", among: ["xy"]) == nil)
        #expect(Suggestion.closest(to: "abcdef", among: ["abcdxy"]) == "abcdxy")  // 2 edits allowed
        #expect(Suggestion.closest(to: "abcdef", among: ["abcxyz"]) == nil)
        #expect(Suggestion.closest(to: "abcdefghi", among: ["abcdefxyz"]) == "abcdefxyz")  // 3 edits allowed
    }

    @Test("ties go to the candidate that sorts first, whatever the order given")
    func ties() async {
        #expect(Suggestion.closest(to: "bat", among: ["cat", "hat", "eat"]) == "cat")
        #expect(Suggestion.closest(to: "bat", among: ["hat", "eat", "cat"]) == "cat")
        #expect(Suggestion.closest(to: "bat", among: Set(["hat", "eat", "cat"])) == "cat")
    }

    @Test("prefers the nearer candidate over an earlier one")
    func nearest() async {
        #expect(Suggestion.closest(to: "citizenshipp", among: ["aitizenshipp1", "citizenship"]) == "citizenship")
    }
}
