import Foundation

/// Carries one HTTP POST to the Bot API. The production transport is `CurlTransport`; tests may use others.
///
/// Implementations never block the cooperative thread pool, abort the transfer when the calling task is cancelled
/// (throwing `BotAPIError` of kind `.cancelled`), and report network failures as kind `.transport`.
public protocol BotAPITransport: Sendable {
    /// POSTs `body` (JSON) to `url` and returns the HTTP status and body, whatever the status.
    /// - Parameter timeout: the whole transfer's limit, connect included.
    func post(url: String, body: Data, timeout: Duration, method: String) async throws(BotAPIError) -> HTTPResponse
}

/// What came back from one POST.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}
