import Foundation

/// The one source of time for every service: wall-clock time for what is stored and shown, and sleeping.
///
/// Tests pass a manual clock and move it, so "a reminder after 30 minutes" takes milliseconds.
public protocol SenaniClock: Sendable {
    /// Now, as wall-clock time (stored as UTC, shown in IST).
    func now() -> Date
    /// Returns after `duration` of this clock's time, or throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
    /// Returns at `deadline` on this clock (at once if it has passed), or throws `CancellationError` when the task
    /// is cancelled. A deadline, unlike a duration, stays right however long the caller took to compute it.
    func sleep(until deadline: Date) async throws
}

extension SenaniClock {
    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSince(now())
        guard seconds > 0 else { return }
        try await sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }

    /// Seconds on this clock's timeline, for the rate limiter.
    func seconds() -> Double { now().timeIntervalSince1970 }
}

/// The machine's clock.
public struct SystemClock: SenaniClock {
    public init() {}

    public func now() -> Date { Date.now }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
