import Foundation

extension BotAPI {
    /// POSTs `params` as JSON to `<baseURL>/bot<token>/<method>` and unwraps Telegram's envelope.
    func call<Params: Encodable, Result: Decodable>(
        _ method: String, _ params: Params, timeout: Duration? = nil
    ) async throws(BotAPIError) -> Result {
        let response = try await post(method, params, timeout: timeout)
        return try Self.unwrap(response, method: method)
    }

    /// POSTs `params` as JSON and returns the HTTP answer as it is, for callers that interpret it themselves.
    func post<Params: Encodable>(
        _ method: String, _ params: Params, timeout: Duration? = nil
    ) async throws(BotAPIError) -> HTTPResponse {
        let body: Data
        do {
            body = try JSONEncoder().encode(params)
        } catch {
            throw BotAPIError(.badRequest, method: method, message: "could not encode parameters: \(error)")
        }
        let url = "\(configuration.baseURL)/bot\(configuration.token)/\(method)"
        logger.trace("Bot API call", metadata: ["method": "\(method)", "bytes": "\(body.count)"])
        return try await transport.post(
            url: url, body: body, timeout: timeout ?? configuration.requestTimeout, method: method)
    }

    /// POSTs `parts` as multipart/form-data (a file upload) and unwraps Telegram's envelope.
    func callMultipart<Result: Decodable>(
        _ method: String, _ parts: [MultipartPart], timeout: Duration? = nil
    ) async throws(BotAPIError) -> Result {
        let url = "\(configuration.baseURL)/bot\(configuration.token)/\(method)"
        logger.trace(
            "Bot API upload", metadata: ["method": "\(method)", "bytes": "\(parts.reduce(0) { $0 + $1.data.count })"])
        let response = try await transport.postMultipart(
            url: url, parts: parts, timeout: timeout ?? configuration.requestTimeout, method: method)
        return try Self.unwrap(response, method: method)
    }

    /// Interprets a Bot API answer: `{"ok":true,"result":…}` or `{"ok":false,"error_code":…,"description":…}`.
    static func unwrap<Result: Decodable>(_ response: HTTPResponse, method: String) throws(BotAPIError) -> Result {
        try Envelope<Result>.unwrap(response, method: method)
    }
}
