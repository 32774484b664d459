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
    public var bytesRead: Int64 { parser.tokenizer.offset }
    /// The chat's name, type and id, from the keys before `messages` (and after it, once `next()` returned nil).
    public var chat: ExportedChat { parser.chat }
    /// Messages returned so far.
    public var messageCount: Int { parser.messageCount }
    /// Entries skipped because Desktop could not export them (`"type": "unsupported"`, no date or content).
    public var skippedCount: Int { parser.skippedCount }

    /// All the state, in a struct: one exclusive access per message instead of one per token.
    private var parser: ExportParser

    /// Opens the file and reads up to the first message. Throws `notFound`, `unreadable`, `notAnExport` (an empty
    /// file, an HTML export, a full-account export, JSON without `messages`) or `malformed`.
    public init(path: String, limits: Limits = Limits()) throws(ChatExportError) {
        self.path = path
        let file = try ChunkedFile(path: path, chunkSize: limits.chunkSize)
        fileSize = file.size
        parser = ExportParser(file: file, limits: limits)
        try parser.readHeader()
    }

    /// The next message, or nil after the end of the `messages` array once the rest of the file checked out.
    /// After an error the reader is spent: every later call throws the same error.
    public func next() throws(ChatExportError) -> ExportedMessage? {
        try parser.next()
    }
}

