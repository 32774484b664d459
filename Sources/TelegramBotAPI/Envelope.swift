import Foundation

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

extension Envelope {
    /// Interprets a Bot API answer: `{"ok":true,"result":…}` or `{"ok":false,"error_code":…,"description":…}`.
    static func unwrap(_ response: HTTPResponse, method: String) throws(BotAPIError) -> Result {
        let envelope: Envelope<Result>
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: response.body)
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
        // Bounded so that a caller's sleep of `retryAfter` seconds is sane whatever the answer said.
        let retryAfter = envelope.parameters?.retryAfter.map { min(max($0, 1), 86_400) }
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
