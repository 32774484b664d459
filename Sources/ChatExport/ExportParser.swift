/// The reader's state and its walk over the file: the top-level object, then one message at a time.
struct ExportParser {
    let limits: ChatExportReader.Limits
    var tokenizer: JSONPullTokenizer
    /// The id of the message being read, for errors.
    var currentID: Int64?
    /// The id of the last message read, for errors between messages.
    var previousID: Int64?
    var finished = false
    var failure: ChatExportError?

    var chat = ExportedChat()
    var messageCount = 0
    var skippedCount = 0

    init(file: ChunkedFile, limits: ChatExportReader.Limits) {
        self.limits = limits
        tokenizer = JSONPullTokenizer(file: file, maxDepth: limits.maxDepth)
    }

    mutating func next() throws(ChatExportError) -> ExportedMessage? {
        if let failure { throw failure }
        if finished { return nil }
        do throws(ChatExportError) {
            while true {
                switch try tokenizer.next() {
                case .objectStart:
                    if let message = try readMessage() {
                        previousID = message.id
                        messageCount += 1
                        return message
                    }
                    skippedCount += 1
                case .arrayEnd:
                    try readTrailer()
                    finished = true
                    return nil
                default:
                    throw tokenizer.error(.notAnExport, "an entry of \"messages\" is not an object")
                }
            }
        } catch {
            var located = error
            located.messageID = located.messageID ?? currentID
            located.previousMessageID = located.previousMessageID ?? previousID
            failure = located
            throw located
        }
    }

    mutating func readHeader() throws(ChatExportError) {
        try tokenizer.skipByteOrderMark()
        guard let first = try tokenizer.peekNonSpace() else {
            throw tokenizer.error(.notAnExport, "the file is empty")
        }
        switch first {
        case UInt8(ascii: "{"):
            break
        case UInt8(ascii: "<"):
            throw tokenizer.error(.notAnExport, "it looks like HTML: export the chat again with Format: JSON")
        case UInt8(ascii: "["):
            throw tokenizer.error(.notAnExport, "the file holds an array, not a chat object")
        default:
            throw tokenizer.error(.notAnExport, "the file does not start with '{'")
        }
        _ = try tokenizer.next()
        while true {
            switch try tokenizer.next() {
            case .objectEnd:
                throw tokenizer.error(.notAnExport, "no \"messages\" array in the top-level object")
            case .key:
                if try readChatField() { return }
            default:
                throw tokenizer.error(.malformed, "unexpected token in the top-level object")
            }
        }
    }

    /// Reads one top-level key's value; true when it was `messages` and the reader now stands inside it.
    private mutating func readChatField() throws(ChatExportError) -> Bool {
        switch RootKey(tokenizer.scratch) {
        case .messages:
            guard try tokenizer.next() == .arrayStart else {
                throw tokenizer.error(.notAnExport, "\"messages\" is not an array", at: tokenizer.tokenStart)
            }
            return true
        case .name:
            chat.name = try optionalString(for: "name")
        case .type:
            chat.type = try optionalString(for: "type")
        case .id:
            chat.id = try integer(for: "id")
        case .chats:
            throw tokenizer.error(
                .notAnExport,
                "this is a full-account export (\"chats\"): export only the thana's group (⋮ → Export chat history → JSON)")
        case .other:
            try tokenizer.skipValue()
        }
        return false
    }

    /// After `messages`: the rest of the top-level object and the end of the file must be valid too.
    private mutating func readTrailer() throws(ChatExportError) {
        currentID = nil
        while true {
            switch try tokenizer.next() {
            case .objectEnd:
                guard try tokenizer.next() == .end else {
                    throw tokenizer.error(.malformed, "more data after the top-level object")
                }
                return
            case .key:
                switch RootKey(tokenizer.scratch) {
                case .name: chat.name = try optionalString(for: "name")
                case .type: chat.type = try optionalString(for: "type")
                case .id: chat.id = try integer(for: "id")
                default: try tokenizer.skipValue()
                }
            default:
                throw tokenizer.error(.malformed, "unexpected token in the top-level object")
            }
        }
    }
}

/// The top-level keys the reader looks at.
enum RootKey {
    case name, type, id, messages, chats, other

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch bytes.count {
        case 2 where KeyBytes.equal(bytes, "id"): self = .id
        case 4 where KeyBytes.equal(bytes, "name"): self = .name
        case 4 where KeyBytes.equal(bytes, "type"): self = .type
        case 5 where KeyBytes.equal(bytes, "chats"): self = .chats
        case 8 where KeyBytes.equal(bytes, "messages"): self = .messages
        default: self = .other
        }
    }
}
