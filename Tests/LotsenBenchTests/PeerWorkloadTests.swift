import Testing

@testable import LotsenBench

@Suite("The benchmark draws the very people the peer benchmark draws")
struct PeerWorkloadTests {
    // The peer's README: "9,922 transitions for n=1,000 and 99,047 for n=10,000" with seed 42.
    @Test("the profiles for seed 42 imply the peer's transition counts", arguments: [(1000, 9922), (10000, 99047)])
    func transitionCountsMatchThePeer(count: Int, transitions: Int) async {
        #expect(PeerWorkload(count: count, seed: 42).expectedTransitions == transitions)
    }

    @Test("a profile's transitions are the intake plus every step that applies to it")
    func expectedTransitionsPerProfile() async {
        #expect(PeerWorkload.Profile(isEuCitizen: true, hasChildren: false, jobSeeking: false).expectedTransitions == 8)
        #expect(PeerWorkload.Profile(isEuCitizen: false, hasChildren: true, jobSeeking: true).expectedTransitions == 12)
    }

    @Test("a choice is drawn only when there is more than one ready step, as bench.py draws it")
    func choiceConsumesRandomnessOnlyWhenNeeded() async {
        var workload = PeerWorkload(count: 1, seed: 42)
        var reference = PeerWorkload(count: 1, seed: 42)
        #expect(workload.choose(["only"]) == "only")
        let steps = ["a", "b", "c", "d"]
        #expect(workload.choose(steps) == steps[reference.random.randrange(steps.count)])
    }
}
