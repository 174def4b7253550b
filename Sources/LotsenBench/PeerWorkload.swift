import JourneyModel

/// The peer benchmark's workload, exactly: profiles drawn first from `random.Random(seed)` with the same
/// probabilities, then the same generator picks among ready steps when more than one is ready.
struct PeerWorkload {
    struct Profile: Hashable {
        let isEuCitizen: Bool
        let hasChildren: Bool
        let jobSeeking: Bool

        /// Transitions a person with this profile makes: the intake, then every step that applies (as in bench.py).
        var expectedTransitions: Int { 8 + (isEuCitizen ? 0 : 1) + (hasChildren ? 2 : 0) + (jobSeeking ? 1 : 0) }

        /// The intake answers, recorded in one transition as the peer's `intake` user task does.
        var answers: [(fact: FactID, text: String)] {
            [("isEuCitizen", isEuCitizen ? "yes" : "no"), ("hasChildren", hasChildren ? "yes" : "no"), ("jobSeeking", jobSeeking ? "yes" : "no")]
        }
    }

    static let probabilityEU = 0.40
    static let probabilityChildren = 0.35
    static let probabilityJobSeeking = 0.60
    static let journey: JourneyID = "peer-new-in-sweden"

    let profiles: [Profile]
    /// The generator after drawing the profiles; it goes on to choose among ready steps.
    var random: PythonRandom

    init(count: Int, seed: UInt32) {
        var random = PythonRandom(seed: seed)
        profiles = (0..<count).map { _ in
            Profile(isEuCitizen: random.random() < Self.probabilityEU, hasChildren: random.random() < Self.probabilityChildren,
                jobSeeking: random.random() < Self.probabilityJobSeeking)
        }
        self.random = random
    }

    var expectedTransitions: Int { profiles.reduce(0) { $0 + $1.expectedTransitions } }

    /// Picks one of the ready steps as bench.py does: a random one only when there is a choice.
    mutating func choose<T>(_ ready: [T]) -> T {
        ready.count > 1 ? ready[random.randrange(ready.count)] : ready[0]
    }
}
