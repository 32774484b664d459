import Foundation

/// Bounded waits for tests: poll the fake's state every few milliseconds, fail with a clear error on timeout.
extension FakeBotAPI {
    /// Returns as soon as `condition` holds; throws `FakeBotAPIWaitTimeout` (naming `message`) after `timeout`.
    public func waitUntil(
        timeout: Duration = .seconds(30), message what: String = "condition",
        _ condition: @Sendable (FakeBotAPI) -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !condition(self) {
            guard clock.now < deadline else {
                throw FakeBotAPIWaitTimeout(
                    description: "FakeBotAPI: \(what) not met within \(timeout) "
                        + "(\(requests.count) requests, \(sentMessages.count) sent messages, "
                        + "\(pendingUpdateCount) pending updates)")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Waits until at least `count` messages were sent and returns them all.
    @discardableResult
    public func waitForSentMessages(count: Int, timeout: Duration = .seconds(30)) async throws -> [SentMessage] {
        try await waitUntil(timeout: timeout, message: "\(count) sent messages") { $0.sentMessageCount >= count }
        return sentMessages
    }

    /// Waits until the bot confirmed every queued update (its offset passed them all).
    public func waitUntilConsumed(timeout: Duration = .seconds(30)) async throws {
        try await waitUntil(timeout: timeout, message: "all updates confirmed") { $0.pendingUpdateCount == 0 }
    }

    /// Waits until at least `count` requests of `method` arrived and returns them.
    @discardableResult
    public func waitForRequests(_ method: String, count: Int = 1, timeout: Duration = .seconds(30)) async throws
        -> [RecordedRequest]
    {
        try await waitUntil(timeout: timeout, message: "\(count) \(method) requests") {
            $0.requests(for: method).count >= count
        }
        return requests(for: method)
    }
}
