import ChatExport
import Foundation

extension ChatImport {
    /// What the checking pass learned: the chat, how many messages, and how often message ids started again.
    struct Check {
        var chat: ExportedChat
        var messages: Int
        var restarts: Int
    }

    /// Reads and validates the whole file without writing anything.
    static func checkFile(path: String, progress: ((Progress) -> Void)?) throws -> Check {
        let reader = try ChatExportReader(path: path)
        var restarts = 0
        var previousID: Int64?
        while let message = try reader.next() {
            if let previousID, message.id <= previousID { restarts += 1 }
            previousID = message.id
            if reader.messageCount & 1023 == 0 {
                progress?(Progress(phase: .checking, bytesRead: reader.bytesRead, fileSize: reader.fileSize,
                                   messagesRead: reader.messageCount))
            }
        }
        return Check(chat: reader.chat, messages: reader.messageCount, restarts: restarts)
    }

    /// The message id a report of this export is stored under. The last run of ids (the exported chat's own) keeps
    /// its ids, which are the ones live intake stored; each earlier run (the group before it became a supergroup)
    /// gets negative ids that no Telegram message has: `-id`, then `-(2^32 * (n - 1) + id)` further back.
    public static func messageKey(id: Int64, segmentsAfter: Int) -> Int64 {
        segmentsAfter <= 0 ? id : -((Int64(segmentsAfter - 1) << 32) + id)
    }

    /// The Bot API id of the exported chat: `-100…` for a supergroup, `-…` for a basic group. Anything else (a
    /// private chat, a channel, saved messages) is not a thana group, and a private chat's id is a person's.
    static func botChatID(of chat: ExportedChat, path: String) throws -> Int64 {
        guard let id = chat.id, id > 0 else {
            throw ChatImportError("\(name(path)): the export has no chat id; export the group's history again from Telegram Desktop")
        }
        switch chat.type {
        case "private_supergroup", "public_supergroup":
            return -1_000_000_000_000 - id
        case "private_group":
            return -id
        default:
            throw ChatImportError(
                "\(name(path)): this is an export of a \(chat.type ?? "chat of unknown type"), not of a group; export the thana group's history")
        }
    }

    static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// An export that reads fine but cannot be imported (not a group), or changed while it was imported.
public struct ChatImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line for the operator.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
