import Foundation

/// Carries one HTTP POST to the Bot API. The production transport is `CurlTransport`; tests may use others.
///
/// Implementations never block the cooperative thread pool, abort the transfer when the calling task is cancelled
/// (throwing `BotAPIError` of kind `.cancelled`), and report network failures as kind `.transport`.
public protocol BotAPITransport: Sendable {
    /// POSTs `body` (JSON) to `url` and returns the HTTP status and body, whatever the status.
    /// - Parameter timeout: the whole transfer's limit, connect included.
    func post(url: String, body: Data, timeout: Duration, method: String) async throws(BotAPIError) -> HTTPResponse

    /// POSTs `parts` as `multipart/form-data` (a file upload) to `url`; otherwise as `post`.
    func postMultipart(
        url: String, parts: [MultipartPart], timeout: Duration, method: String
    ) async throws(BotAPIError) -> HTTPResponse
}

extension BotAPITransport {
    /// Transports written before uploads existed refuse them clearly instead of failing to compile.
    public func postMultipart(
        url: String, parts: [MultipartPart], timeout: Duration, method: String
    ) async throws(BotAPIError) -> HTTPResponse {
        throw BotAPIError(.badRequest, method: method, message: "this transport cannot upload files")
    }
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
