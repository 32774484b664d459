import Foundation

/// sendPhoto and sendLocation, answered as Telegram would.
extension FakeBotAPI {
    func sendPhoto(_ params: [String: JSONValue], files: [String: UploadedFile]) -> FakeAnswer {
        guard let chatID = params["chat_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: chat_id is empty")
        }
        let upload = files["photo"]
        let fileID = upload == nil ? params["photo"]?.stringValue : nil
        guard upload != nil || fileID?.isEmpty == false else {
            return .error(code: 400, description: "Bad Request: there is no photo in the request")
        }
        let caption = params["caption"]?.stringValue ?? params["caption"].map(Self.plainText)
        guard (caption?.count ?? 0) <= 1024 else {
            return .error(code: 400, description: "Bad Request: message caption is too long")
        }
        var size = (width: Int64(1280), height: Int64(960))
        if let upload {
            guard !upload.data.isEmpty else { return .error(code: 400, description: "Bad Request: file must be non-empty") }
            guard let dimensions = Self.imageSize(upload.data) else {
                return .error(code: 400, description: "Bad Request: IMAGE_PROCESS_FAILED")
            }
            size = dimensions
        }
        let replyTo = params["reply_parameters"]?["message_id"]?.int64Value
        let markup = params["reply_markup"]
        return state.withLock { state -> FakeAnswer in
            if let fileID, !fileID.hasPrefix("http://"), !fileID.hasPrefix("https://"),
                !state.knownFileIDs.contains(fileID)
            {
                return .error(code: 400, description: "Bad Request: wrong file_id or the file is temporarily unavailable")
            }
            let start = beginSend(to: chatID, replyTo: replyTo, markup: markup, in: &state)
            guard case .started(let messageID, var message) = start else { return start.refusal }
            let number = state.nextFileNumber
            state.nextFileNumber += 1
            let sizes = Self.photoSizes(number: number, width: size.width, height: size.height)
            let largestID = sizes.last?["file_id"]?.stringValue ?? ""
            for photoSize in sizes { if let id = photoSize["file_id"]?.stringValue { state.knownFileIDs.insert(id) } }
            state.botMessages[chatID, default: [:]][messageID] = .init(
                text: caption ?? "", replyMarkup: markup, hasText: false)
            state.sentPhotos.append(
                SentPhoto(
                    chatID: chatID, messageID: messageID, fileID: fileID, upload: upload, caption: caption,
                    parseMode: params["parse_mode"]?.stringValue, replyToMessageID: replyTo, replyMarkup: markup,
                    resultFileID: largestID))
            message["photo"] = .array(sizes)
            if let caption { message["caption"] = .string(caption) }
            return .ok(.object(message))
        }
    }

    func sendLocation(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let chatID = params["chat_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: chat_id is empty")
        }
        guard let latitude = params["latitude"]?.doubleValue, let longitude = params["longitude"]?.doubleValue,
            (-90...90).contains(latitude), (-180...180).contains(longitude)
        else {
            // The fake's wording: Telegram refuses a missing or impossible coordinate with a 400 as well.
            return .error(code: 400, description: "Bad Request: wrong location specified")
        }
        let replyTo = params["reply_parameters"]?["message_id"]?.int64Value
        let markup = params["reply_markup"]
        return state.withLock { state -> FakeAnswer in
            let start = beginSend(to: chatID, replyTo: replyTo, markup: markup, in: &state)
            guard case .started(let messageID, var message) = start else { return start.refusal }
            state.botMessages[chatID, default: [:]][messageID] = .init(text: "", replyMarkup: markup, hasText: false)
            state.sentLocations.append(
                SentLocation(
                    chatID: chatID, messageID: messageID, latitude: latitude, longitude: longitude,
                    replyToMessageID: replyTo, replyMarkup: markup))
            message["location"] = ["latitude": .double(latitude), "longitude": .double(longitude)]
            return .ok(.object(message))
        }
    }

    /// Width and height of a PNG (from its IHDR chunk); JPEG is accepted with a typical camera size.
    static func imageSize(_ data: Data) -> (width: Int64, height: Int64)? {
        let bytes = [UInt8](data.prefix(24))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        if bytes.count >= 24, Array(bytes[0..<8]) == png, Array(bytes[12..<16]) == Array("IHDR".utf8) {
            let width = bytes[16..<20].reduce(Int64(0)) { $0 << 8 | Int64($1) }
            let height = bytes[20..<24].reduce(Int64(0)) { $0 << 8 | Int64($1) }
            return width > 0 && height > 0 ? (width, height) : nil
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return (1280, 960) }
        return nil
    }

    /// Telegram's sizes of a photo: thumbnails of at most 90, 320 and 800 pixels a side, then the photo itself
    /// (at most 2560), largest last.
    private static func photoSizes(number: Int, width: Int64, height: Int64) -> [JSONValue] {
        let longest = max(width, height)
        let sides = [90, 320, 800].filter { $0 < longest } + [min(longest, 2560)]
        return sides.enumerated().map { index, side in
            let scaledWidth = max(1, width * side / longest)
            let scaledHeight = max(1, height * side / longest)
            return [
                "file_id": .string("AgACAgUAAxkDAAFake\(number)x\(index)"),
                "file_unique_id": .string("AQADFake\(number)x\(index)"),
                "file_size": .int(scaledWidth * scaledHeight / 4), "width": .int(scaledWidth),
                "height": .int(scaledHeight),
            ]
        }
    }
}
