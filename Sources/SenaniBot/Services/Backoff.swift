import Foundation

/// Exponential backoff with full jitter: the n-th consecutive failure waits a random time up to
/// `min(cap, initial · 2ⁿ)`, so many bots restarting together do not hammer Telegram in step.
public struct Backoff: Sendable, Hashable {
    public var initial: Duration
    public var cap: Duration

    public init(initial: Duration = .seconds(1), cap: Duration = .seconds(60)) {
        self.initial = initial
        self.cap = cap
    }

    /// The upper bound of the wait after `failures` consecutive failures (1 = first failure).
    public func ceiling(afterFailures failures: Int) -> Duration {
        let exponent = min(max(failures - 1, 0), 30)
        let grown = initial * (1 << exponent)
        return grown > cap ? cap : grown
    }

    /// A wait drawn between half the ceiling and the ceiling (never zero, never above `cap`).
    public func delay(afterFailures failures: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = ceiling(afterFailures: failures)
        return ceiling * Double.random(in: 0.5...1.0, using: &generator)
    }

    public func delay(afterFailures failures: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterFailures: failures, using: &generator)
    }
}

extension Duration {
    /// `1.3 s`, for log lines.
    var roundedSeconds: String {
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return String(format: "%.1f s", seconds)
    }
}
