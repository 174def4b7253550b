import Foundation

/// One mode's figures, in the peer's vocabulary so the two JSON records compare field by field.
struct ModeResult: Codable {
    var mode: String
    var instances: Int
    var transitions: Int
    var commits: Int
    var wallSeconds: Double
    var transitionsPerSecond: Double
    var journeysPerSecond: Double
    var latencyMicrosecondsP50: Double
    var latencyMicrosecondsP99: Double
    var latencyMicrosecondsMean: Double
    var peakRSSMiB: Double
    var databaseMiB: Double
    var verify: String
    /// Seconds spent deciding (engine), committing (storage) and reading snapshots back (load), or in whole
    /// stateless requests (request: load, decide and commit in one write transaction).
    var timeSplitSeconds: [String: Double] = [:]

    /// `peakRSS` is read when the run ends, before verification builds its own tables.
    init(mode: String, instances: Int, transitions: Int, commits: Int, wall: Double, latencies: [Double], peakRSS: Double, databaseBytes: Int64,
        verify: String)
    {
        let sorted = latencies.sorted()
        self.mode = mode
        self.instances = instances
        self.transitions = transitions
        self.commits = commits
        wallSeconds = (wall * 1000).rounded() / 1000
        transitionsPerSecond = (Double(transitions) / wall * 10).rounded() / 10
        journeysPerSecond = (Double(instances) / wall * 10).rounded() / 10
        latencyMicrosecondsP50 = (Measurement.percentile(sorted, 0.50) * 10).rounded() / 10
        latencyMicrosecondsP99 = (Measurement.percentile(sorted, 0.99) * 10).rounded() / 10
        latencyMicrosecondsMean = sorted.isEmpty ? 0 : (sorted.reduce(0, +) / Double(sorted.count) * 1e7).rounded() / 10
        peakRSSMiB = (peakRSS * 10).rounded() / 10
        databaseMiB = (Double(databaseBytes) / 1_048_576 * 10).rounded() / 10
        self.verify = verify
    }

    var line: String {
        func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : String(repeating: " ", count: width - text.count) + text }
        return [mode.padding(toLength: 22, withPad: " ", startingAt: 0), pad("\(transitions)", 9), pad(String(format: "%.2f", wallSeconds), 8),
            pad(String(format: "%.0f", transitionsPerSecond), 10), pad(String(format: "%.0f", journeysPerSecond), 9),
            pad(String(format: "%.1f / %.1f", latencyMicrosecondsP50, latencyMicrosecondsP99), 16), pad(String(format: "%.1f", peakRSSMiB), 8),
            pad(String(format: "%.1f", databaseMiB), 8)].joined(separator: " ")
            + (timeSplitSeconds.isEmpty ? "" : "   " + ["engine", "storage", "load", "request"].compactMap { part in
                timeSplitSeconds[part].map { "\(part) \($0) s" }
            }.joined(separator: ", "))
    }

    static let header = ["mode".padding(toLength: 22, withPad: " ", startingAt: 0), "   trans.", "  wall s", "  trans/s", "journ/s",
        "  p50 / p99 µs", " RSS MiB", "  DB MiB"].joined(separator: " ")
}
