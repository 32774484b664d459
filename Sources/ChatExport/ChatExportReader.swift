/// Reads a Telegram Desktop chat export (`result.json`, "Export chat history" → JSON) one message at a time.
///
/// The file is read in chunks and tokenized incrementally, so memory stays the same for a 2 MB or a 2 GB export:
/// the read buffer plus the message in hand. Keys it does not need (reactions, `text_entities`, `members`...) are
/// skipped without being materialised. The reader validates the whole file: `next()` returns nil only after the
/// last byte was checked, so a caller that imports everything only after a nil has never imported half a file.
///
/// ```swift
/// let reader = try ChatExportReader(path: "result.json")
/// while let message = try reader.next() { ... }
/// ```
///
/// Reads block on the file: use it from a thread of its own (or a `Task.detached`), not the cooperative pool.
public final class ChatExportReader {
    /// Bounds that keep a hostile or broken file from costing memory or a crash.
    public struct Limits: Sendable, Hashable {
        /// A message whose JSON is longer than this is an error (`tooLarge`). Telegram's own text limit is 4,096
        /// characters, so a real message is a few KB.
        public var maxMessageBytes: Int
        /// Deeper nesting is an error (`malformed`). A Desktop export is 5 levels deep.
        public var maxDepth: Int
        /// Bytes read from the file at a time.
        public var chunkSize: Int

        public init(maxMessageBytes: Int = 16 << 20, maxDepth: Int = 64, chunkSize: Int = 64 << 10) {
            self.maxMessageBytes = maxMessageBytes
            self.maxDepth = maxDepth
            self.chunkSize = chunkSize
        }
    }

    /// The file as given.
    public let path: String
    /// The file's size in bytes when it was opened, for a progress bar.
    public let fileSize: Int64
    /// Bytes read and checked so far, for a progress bar (equals `fileSize` once `next()` returned nil).
    public var bytesRead: Int64 { tokenizer.offset }
    /// The chat's name, type and id, from the keys before `messages`.
    public private(set) var chat: ExportedChat
    /// Messages returned so far.
    public private(set) var messageCount = 0
    /// Entries skipped because Desktop could not export them (`"type": "unsupported"`, no date or content).
    public private(set) var skippedCount = 0

    let limits: Limits
    var tokenizer: JSONPullTokenizer
    /// The id of the message being read, for errors.
    var currentID: Int64?
    /// The id of the last message read, for errors between messages.
    var previousID: Int64?
    private var finished = false
    private var failure: ChatExportError?

    /// Opens the file and reads up to the first message. Throws `notFound`, `unreadable`, `notAnExport` (an empty
    /// file, an HTML export, a full-account export, JSON without `messages`) or `malformed`.
    public init(path: String, limits: Limits = Limits()) throws(ChatExportError) {
        self.path = path
        self.limits = limits
        let file = try ChunkedFile(path: path, chunkSize: limits.chunkSize)
        fileSize = file.size
        tokenizer = JSONPullTokenizer(file: file, maxDepth: limits.maxDepth)
        chat = ExportedChat()
        try readHeader()
    }

    /// The next message, or nil after the end of the `messages` array once the rest of the file checked out.
    /// After an error the reader is spent: every later call throws the same error.
    public func next() throws(ChatExportError) -> ExportedMessage? {
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

    private func readHeader() throws(ChatExportError) {
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
    private func readChatField() throws(ChatExportError) -> Bool {
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
    private func readTrailer() throws(ChatExportError) {
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

    init(_ bytes: [UInt8]) {
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
