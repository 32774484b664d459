import Foundation

/// What a message object said, before it is checked and turned into an `ExportedMessage`.
struct MessageFields {
    var id: Int64?
    var type: String?
    var unixTime: Int64?
    /// The `date` text, kept without an allocation and read only when `date_unixtime` is missing.
    var localDate = SIMD32<UInt8>()
    var localDateLength = -1
    var edited = false
    var fromName: String?
    var fromID: String?
    var text = ""
    var hasPhoto = false
    var photoPath: String?
    var mediaType: String?
    var location: ExportedMessage.Location?
    var isForwarded = false
    var forwardedFrom: String?
    var replyToMessageID: Int64?
    var action: String?

    mutating func keepLocalDate(_ text: UnsafeBufferPointer<UInt8>) {
        guard text.count <= 32 else { return }
        for index in 0..<text.count { localDate[index] = text[index] }
        localDateLength = text.count
    }

    private func readLocalDate() -> Date? {
        guard localDateLength >= 0 else { return nil }
        return withUnsafeBytes(of: localDate) { raw in
            ExportDate.indianStandardTime(UnsafeBufferPointer(start: raw.bindMemory(to: UInt8.self).baseAddress, count: localDateLength))
        }
    }

    /// The message, nil for an entry to skip, or `notAnExport` for one without an id, a type or a date.
    func message(tokenizer: JSONPullTokenizer, start: Int64) throws(ChatExportError) -> ExportedMessage? {
        guard let id else {
            throw tokenizer.error(.notAnExport, "a message without an \"id\"", at: start)
        }
        guard let type else {
            throw tokenizer.error(.notAnExport, "a message without a \"type\"", at: start)
        }
        let isService: Bool
        switch type {
        case "message": isService = false
        case "service": isService = true
        default: return nil
        }
        let date: Date
        if let unixTime {
            date = Date(timeIntervalSince1970: TimeInterval(unixTime))
        } else if let localDate = readLocalDate() {
            date = localDate
        } else {
            throw tokenizer.error(.notAnExport, "message \(id) has no readable date", at: start)
        }
        return ExportedMessage(
            id: id, isService: isService, date: date, fromName: fromName, fromID: fromID, text: text,
            hasPhoto: hasPhoto, photoPath: photoPath, mediaType: mediaType, location: location,
            isForwarded: isForwarded, forwardedFrom: forwardedFrom, edited: edited,
            replyToMessageID: replyToMessageID, action: action)
    }
}

/// The message keys the reader keeps; matched on the raw key bytes, so that no String is made per key.
enum MessageKey {
    case id, type, date, dateUnixtime, edited, from, fromID, actor, actorID, action, text, photo, mediaType
    case locationInformation, forwardedFrom, replyToMessageID, other

    init(_ b: UnsafeBufferPointer<UInt8>) {
        switch b.count {
        case 2 where KeyBytes.equal(b, "id"): self = .id
        case 4 where KeyBytes.equal(b, "type"): self = .type
        case 4 where KeyBytes.equal(b, "date"): self = .date
        case 4 where KeyBytes.equal(b, "from"): self = .from
        case 4 where KeyBytes.equal(b, "text"): self = .text
        case 5 where KeyBytes.equal(b, "actor"): self = .actor
        case 5 where KeyBytes.equal(b, "photo"): self = .photo
        case 6 where KeyBytes.equal(b, "edited"): self = .edited
        case 6 where KeyBytes.equal(b, "action"): self = .action
        case 7 where KeyBytes.equal(b, "from_id"): self = .fromID
        case 8 where KeyBytes.equal(b, "actor_id"): self = .actorID
        case 10 where KeyBytes.equal(b, "media_type"): self = .mediaType
        case 13 where KeyBytes.equal(b, "date_unixtime"): self = .dateUnixtime
        case 14 where KeyBytes.equal(b, "forwarded_from"): self = .forwardedFrom
        case 19 where KeyBytes.equal(b, "reply_to_message_id"): self = .replyToMessageID
        case 20 where KeyBytes.equal(b, "location_information"): self = .locationInformation
        default: self = .other
        }
    }
}

enum KeyBytes {
    /// Whether `bytes` spell `key` exactly.
    @inline(__always)
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ key: StaticString) -> Bool {
        let count = key.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let start = key.utf8Start
        for i in 0..<count where bytes[i] != start[i] { return false }
        return true
    }
}
