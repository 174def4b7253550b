import Testing

@testable import LotsenBench

@Suite("The benchmark's generator matches CPython's random.Random")
struct PythonRandomTests {
    // Expected values printed by CPython 3.11: random.Random(42).random() ×3, then randrange(5) ×10, getrandbits(32) ×2.
    @Test("random(), randrange() and getrandbits() give CPython's sequence for seed 42")
    func matchesCPythonForSeed42() async {
        var rng = PythonRandom(seed: 42)
        #expect([rng.random(), rng.random(), rng.random()] == [0.6394267984578837, 0.025010755222666936, 0.27502931836911926])
        #expect((0..<10).map { _ in rng.randrange(5) } == [1, 1, 0, 4, 0, 4, 3, 0, 0, 0])
        #expect([rng.nextUInt32(), rng.nextUInt32()] == [939_042_955, 999_270_936])
    }

    @Test("seed 0 gives CPython's first random()")
    func matchesCPythonForSeed0() async {
        var rng = PythonRandom(seed: 0)
        #expect(rng.random() == 0.8444218515250481)
    }
}
