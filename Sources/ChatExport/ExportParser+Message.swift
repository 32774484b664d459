import Foundation

/// One message object: the keys intake needs, in whatever order; everything else skipped.
extension ExportParser {
    /// Reads the message whose '{' was just read; nil for an entry Desktop marked `unsupported` (or another type).
    mutating func readMessage() throws(ChatExportError) -> ExportedMessage? {
        let start = tokenizer.tokenStart
        tokenizer.limitStart = start
        tokenizer.limitBytes = limits.maxMessageBytes
        tokenizer.limitOffset = start + Int64(limits.maxMessageBytes)
        defer { tokenizer.limitOffset = .max }
        currentID = nil

        var fields = MessageFields()
        while true {
            switch try tokenizer.next() {
            case .objectEnd:
                let message = try fields.message(tokenizer: tokenizer, start: start)
                currentID = nil
                tokenizer.shrinkScratch()
                return message
            case .key:
                try read(MessageKey(tokenizer.scratch), into: &fields)
            default:
                throw tokenizer.error(.malformed, "unexpected token in a message")
            }
        }
    }

    private mutating func read(_ key: MessageKey, into fields: inout MessageFields) throws(ChatExportError) {
        switch key {
        case .id:
            let id = try integer(for: "id")
            fields.id = id
            currentID = id
        case .type:
            fields.type = try string(for: "type")
        case .date:
            guard try tokenizer.next() == .string else { throw wrongType("date", "a string") }
            fields.keepLocalDate(tokenizer.scratch)
        case .dateUnixtime:
            fields.unixTime = Int64(try string(for: "date_unixtime"))
        case .edited:
            fields.edited = true
            try tokenizer.skipValue()
        case .from, .actor:
            fields.fromName = try optionalString(for: key == .from ? "from" : "actor")
        case .fromID, .actorID:
            fields.fromID = try peerID(for: key == .fromID ? "from_id" : "actor_id")
        case .action:
            fields.action = try string(for: "action")
        case .text:
            fields.text = try readText()
        case .photo:
            fields.hasPhoto = true
            let path = try string(for: "photo")
            // "(File not included. ...)", "(File unavailable, ...)", "(File exceeds maximum size. ...)"
            fields.photoPath = path.hasPrefix("(") || path.isEmpty ? nil : path
        case .mediaType:
            fields.mediaType = try string(for: "media_type")
        case .locationInformation:
            fields.location = try readLocation()
        case .forwardedFrom:
            fields.isForwarded = true
            fields.forwardedFrom = try optionalString(for: "forwarded_from")
        case .replyToMessageID:
            fields.replyToMessageID = try integer(for: "reply_to_message_id")
        case .other:
            try tokenizer.skipValue()
        }
    }

    /// `text`: a string, or an array of strings and entity objects whose `text` parts are joined.
    private mutating func readText() throws(ChatExportError) -> String {
        switch try tokenizer.next() {
        case .string:
            return String(decoding: tokenizer.scratch, as: UTF8.self)
        case .null:
            return ""
        case .arrayStart:
            var joined: [UInt8] = []
            while true {
                switch try tokenizer.next() {
                case .arrayEnd:
                    return String(decoding: joined, as: UTF8.self)
                case .string:
                    joined.append(contentsOf: tokenizer.scratch)
                case .objectStart:
                    try readEntity(into: &joined)
                default:
                    throw tokenizer.error(
                        .notAnExport, "a part of \"text\" is neither a string nor an entity", at: tokenizer.tokenStart)
                }
            }
        default:
            throw wrongType("text", "a string or an array")
        }
    }

    /// `{"type": "bold", "text": "..."}` (and `href`, `user_id`, `language`...): only `text` is kept.
    private mutating func readEntity(into joined: inout [UInt8]) throws(ChatExportError) {
        while true {
            switch try tokenizer.next() {
            case .objectEnd:
                return
            case .key where KeyBytes.equal(tokenizer.scratch, "text"):
                guard try tokenizer.next() == .string else { throw wrongType("text", "a string") }
                joined.append(contentsOf: tokenizer.scratch)
            case .key:
                try tokenizer.skipValue()
            default:
                throw tokenizer.error(.malformed, "unexpected token in a text entity")
            }
        }
    }

    /// `{"latitude": 25.59, "longitude": 85.13}`, or null for a location Desktop could not read.
    private mutating func readLocation() throws(ChatExportError) -> ExportedMessage.Location? {
        switch try tokenizer.next() {
        case .null:
            return nil
        case .objectStart:
            var latitude: Double?
            var longitude: Double?
            while true {
                switch try tokenizer.next() {
                case .objectEnd:
                    guard let latitude, let longitude else { return nil }
                    return ExportedMessage.Location(latitude: latitude, longitude: longitude)
                case .key where KeyBytes.equal(tokenizer.scratch, "latitude"):
                    latitude = try double(for: "latitude")
                case .key where KeyBytes.equal(tokenizer.scratch, "longitude"):
                    longitude = try double(for: "longitude")
                case .key:
                    try tokenizer.skipValue()
                default:
                    throw tokenizer.error(.malformed, "unexpected token in location_information")
                }
            }
        default:
            throw wrongType("location_information", "an object")
        }
    }

    /// `"user123456789"`; exports from before 2021 wrote a bare number, read here as a user.
    private mutating func peerID(for key: String) throws(ChatExportError) -> String? {
        switch try tokenizer.next() {
        case .string: return String(decoding: tokenizer.scratch, as: UTF8.self)
        case .number:
            guard let value = tokenizer.integer else { throw wrongType(key, "a string") }
            return "user\(value)"
        case .null: return nil
        default: throw wrongType(key, "a string")
        }
    }

    mutating func string(for key: String) throws(ChatExportError) -> String {
        guard try tokenizer.next() == .string else { throw wrongType(key, "a string") }
        return String(decoding: tokenizer.scratch, as: UTF8.self)
    }

    mutating func optionalString(for key: String) throws(ChatExportError) -> String? {
        switch try tokenizer.next() {
        case .string: return String(decoding: tokenizer.scratch, as: UTF8.self)
        case .null: return nil
        default: throw wrongType(key, "a string")
        }
    }

    mutating func integer(for key: String) throws(ChatExportError) -> Int64 {
        guard try tokenizer.next() == .number, let value = tokenizer.integer else {
            throw wrongType(key, "a whole number")
        }
        return value
    }

    private mutating func double(for key: String) throws(ChatExportError) -> Double {
        guard try tokenizer.next() == .number else { throw wrongType(key, "a number") }
        return tokenizer.number
    }

    private func wrongType(_ key: String, _ expected: String) -> ChatExportError {
        tokenizer.error(.notAnExport, "\"\(key)\" is not \(expected)", at: tokenizer.tokenStart)
    }
}
