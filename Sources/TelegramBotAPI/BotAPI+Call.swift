import Foundation

extension BotAPI {
    /// POSTs `params` as JSON to `<baseURL>/bot<token>/<method>` and unwraps Telegram's envelope.
    func call<Params: Encodable, Result: Decodable>(
        _ method: String, _ params: Params, timeout: Duration? = nil
    ) async throws(BotAPIError) -> Result {
        let body: Data
        do {
            body = try JSONEncoder().encode(params)
        } catch {
            throw BotAPIError(.badRequest, method: method, message: "could not encode parameters: \(error)")
        }
        let url = "\(configuration.baseURL)/bot\(configuration.token)/\(method)"
        logger.trace("Bot API call", metadata: ["method": "\(method)", "bytes": "\(body.count)"])
        let response = try await transport.post(
            url: url, body: body, timeout: timeout ?? configuration.requestTimeout, method: method)
        return try Self.unwrap(response, method: method)
    }

    /// Interprets a Bot API answer: `{"ok":true,"result":…}` or `{"ok":false,"error_code":…,"description":…}`.
    static func unwrap<Result: Decodable>(_ response: HTTPResponse, method: String) throws(BotAPIError) -> Result {
        let envelope: Envelope<Result>
        do {
            envelope = try JSONDecoder().decode(Envelope<Result>.self, from: response.body)
        } catch {
            if response.status >= 500 {
                throw BotAPIError(.server, method: method, errorCode: response.status, message: "HTTP \(response.status)")
            }
            throw BotAPIError(
                .invalidResponse, method: method, errorCode: response.status,
                message: "not a Bot API answer (HTTP \(response.status)): \(error)")
        }
        if envelope.ok, let result = envelope.result {
            return result
        }
        if envelope.ok {
            throw BotAPIError(.invalidResponse, method: method, errorCode: response.status, message: "ok without result")
        }
        let code = envelope.errorCode ?? response.status
        let message = envelope.description ?? "HTTP \(response.status)"
        let retryAfter = envelope.parameters?.retryAfter
        let migrateTo = envelope.parameters?.migrateToChatID
        let kind: BotAPIError.Kind =
            switch code {
            case _ where migrateTo != nil: .chatMigrated
            case 429: .rateLimited
            case 401: .unauthorized
            case 403: .forbidden
            case 404: .notFound
            case 409: .conflict
            case 500...: .server
            default: .badRequest
            }
        throw BotAPIError(
            kind, method: method, errorCode: code, message: message,
            retryAfter: kind == .rateLimited ? (retryAfter ?? 1) : retryAfter, migrateToChatID: migrateTo)
    }
}

/// Telegram's answer wrapper.
struct Envelope<Result: Decodable>: Decodable {
    struct Parameters: Decodable {
        var retryAfter: Int?
        var migrateToChatID: Int64?

        enum CodingKeys: String, CodingKey {
            case retryAfter = "retry_after"
            case migrateToChatID = "migrate_to_chat_id"
        }
    }

    var ok: Bool
    var result: Result?
    var errorCode: Int?
    var description: String?
    var parameters: Parameters?

    enum CodingKeys: String, CodingKey {
        case ok, result, description, parameters
        case errorCode = "error_code"
    }
}
