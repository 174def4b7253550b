import Foundation
import JourneyStore

/// Per-transition latencies and wall time, kept in a preallocated buffer so measuring costs no allocation.
struct Measurement {
    private(set) var latencies: [Double] = []
    private let clock = ContinuousClock()

    init(capacity: Int) { latencies.reserveCapacity(capacity) }

    /// Runs `body` and records how long it took, in seconds.
    @inline(__always)
    /// Times a synchronous body (the bare-SQLite ceiling), with no async frame around it.
    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = clock.now
        let result = try body()
        latencies.append((clock.now - start).timeInterval)
        return result
    }

    mutating func time<T>(_ body: () async throws -> T) async rethrows -> T {
        let start = clock.now
        let result = try await body()
        latencies.append((clock.now - start).timeInterval)
        return result
    }

    mutating func addToLast(_ seconds: Double) { latencies[latencies.count - 1] += seconds }

    /// The q-quantile in microseconds, picked as bench.py picks it (nearest rank on the sorted list).
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, max(0, Int((q * Double(sorted.count - 1)).rounded())))
        return sorted[index] * 1e6
    }
}

/// Peak resident memory of this process, from the kernel's high-water mark.
enum ResourceUsage {
    static func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Resets the high-water mark (Linux 4.0+), so each mode in one run reports its own peak.
    static func resetPeakRSS() {
        // FileHandle.write(_: Data) traps on an I/O error; a kernel without the file simply keeps one peak for the run.
        if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            try? handle.write(contentsOf: Data("5".utf8))
            try? handle.close()
        }
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}

/// Where transition time goes, in the peer's terms: deciding (engine), writing (storage), reading back (load);
/// or, for a stateless request, all three inside one write transaction (request).
struct TimeSplit {
    private(set) var engineSeconds = 0.0
    private(set) var storageSeconds = 0.0
    private(set) var loadSeconds = 0.0
    private(set) var requestSeconds = 0.0
    private let clock = ContinuousClock()

    mutating func engine<T>(_ body: () async throws -> T) async rethrows -> T { try await measure(body, into: &engineSeconds) }
    mutating func storage<T>(_ body: () async throws -> T) async rethrows -> T { try await measure(body, into: &storageSeconds) }
    mutating func load<T>(_ body: () async throws -> T) async rethrows -> T { try await measure(body, into: &loadSeconds) }
    mutating func request<T>(_ body: () async throws -> T) async rethrows -> T { try await measure(body, into: &requestSeconds) }

    @inline(__always)
    private func measure<T>(_ body: () async throws -> T, into total: inout Double) async rethrows -> T {
        let start = clock.now
        defer { total += (clock.now - start).timeInterval }
        return try await body()
    }

    /// The parts that took any time, in seconds to two decimals.
    var rounded: [String: Double] {
        ["engine": engineSeconds, "storage": storageSeconds, "load": loadSeconds, "request": requestSeconds]
            .filter { $0.value > 0 }.mapValues { ($0 * 100).rounded() / 100 }
    }
}
