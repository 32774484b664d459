/// Why a chat export could not be read, and where: one line for the operator, with the byte offset and, once the
/// reader is inside a message, that message's id, so the bad place can be found in a 200 MB file.
public struct ChatExportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem stopped the reader.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notFound, unreadable, notAnExport, malformed, tooLarge
        }
        private let base: Base

        /// No file at the path.
        public static let notFound = Kind(base: .notFound)
        /// The file exists but cannot be read (permissions, a folder, an I/O error).
        public static let unreadable = Kind(base: .unreadable)
        /// Valid so far, but not a single-chat Telegram Desktop export (no top-level `messages` array, an empty file,
        /// a full-account export, a message that is not an object).
        public static let notAnExport = Kind(base: .notAnExport)
        /// Not valid JSON (a bad token, a truncated file, nesting deeper than the limit).
        public static let malformed = Kind(base: .malformed)
        /// One message is larger than the limit (`ChatExportReader.Limits.maxMessageBytes`).
        public static let tooLarge = Kind(base: .tooLarge)

        public var description: String { base.rawValue }

        fileprivate var phrase: String {
            switch base {
            case .notFound: "cannot open"
            case .unreadable: "cannot read"
            case .notAnExport: "not a Telegram Desktop chat export"
            case .malformed: "malformed JSON"
            case .tooLarge: "message too large"
            }
        }
    }

    public var kind: Kind
    /// The file as the caller named it.
    public var path: String
    /// Bytes from the start of the file to the place of the problem (0 for the whole file).
    public var byteOffset: Int64
    /// The `id` of the message being read, when the reader had got that far into it.
    public var messageID: Int64?
    /// The id of the last message read completely, when the problem lies between messages or before a message's id.
    public var previousMessageID: Int64?
    /// What was wrong, for a human (no line breaks).
    public var detail: String

    public init(
        _ kind: Kind, path: String, byteOffset: Int64, messageID: Int64? = nil, previousMessageID: Int64? = nil,
        detail: String
    ) {
        self.kind = kind
        self.path = path
        self.byteOffset = byteOffset
        self.messageID = messageID
        self.previousMessageID = previousMessageID
        self.detail = detail
    }

    /// `result.json: malformed JSON at byte 18342 (message 1207): expected ',' or '}'`
    public var description: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let clean = detail.map { $0.isNewline ? " " : $0 }
        switch kind {
        case .notFound, .unreadable:
            return "\(name): \(kind.phrase): \(String(clean))"
        default:
            var place = "at byte \(byteOffset)"
            if let messageID {
                place += " (message \(messageID))"
            } else if let previousMessageID {
                place += " (after message \(previousMessageID))"
            }
            return "\(name): \(kind.phrase) \(place): \(String(clean))"
        }
    }
}
