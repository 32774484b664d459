import Foundation

extension BotAPI {
    /// Sends a photo: by file id as JSON, or PNG bytes as a multipart upload. Returns the sent message.
    public func sendPhoto(_ request: SendPhoto) async throws(BotAPIError) -> Message {
        switch request.photo {
        case .fileID:
            return try await call("sendPhoto", request.fields)
        case .png(let bytes, let fileName):
            let parts: [MultipartPart]
            do {
                parts = try request.multipartParts(png: bytes, fileName: fileName)
            } catch {
                throw BotAPIError(.badRequest, method: "sendPhoto", message: "could not encode parameters: \(error)")
            }
            return try await callMultipart("sendPhoto", parts)
        }
    }

    /// Sends a location pin. Returns the sent message.
    public func sendLocation(_ request: SendLocation) async throws(BotAPIError) -> Message {
        try await call("sendLocation", request)
    }
}
