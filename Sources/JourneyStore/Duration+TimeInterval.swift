import Foundation

extension Duration {
    /// The duration in seconds, with its fraction: what `Date.addingTimeInterval` and the stores' stored moments take.
    public var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
