import Foundation

/// What an import did, for the operator and the audit log. Never names a person.
public struct ImportSummary: Sendable, Hashable {
    /// The file as given.
    public var file: String
    public var thanaCode: String
    /// The exported group's Bot API chat id.
    public var chatID: Int64
    /// The group's title in the export.
    public var chatName: String?
    /// The thana's bound group, when it is not the exported one (an older group, say): worth a note.
    public var boundChatID: Int64?
    /// Every entry of `messages`, service messages and unsupported entries included.
    public var messagesRead = 0
    /// New reports stored.
    public var tipsQueued = 0
    /// Of those, repeats of an earlier report (stored with `duplicate_of`).
    public var repeats = 0
    /// Of those, possible tips.
    public var possibleTips = 0
    /// Tips already stored (an earlier import of the same group, or taken live by the bot).
    public var alreadyThere = 0
    public var skipped: [ChatImport.SkipReason: Int] = [:]

    public init(file: String, thanaCode: String, chatID: Int64, chatName: String?) {
        self.file = file
        self.thanaCode = thanaCode
        self.chatID = chatID
        self.chatName = chatName
    }

    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    /// The summary for a terminal, one fact a line.
    public var lines: [String] {
        var lines = [
            "imported \(ChatImport.name(file)) into \(thanaCode) (group \(chatID)\(chatName.map { ", \"\($0)\"" } ?? ""))",
            "  messages read   \(messagesRead)",
            "  tips queued     \(tipsQueued) (closed as imported; \(repeats) repeats of earlier tips, \(possibleTips) possible tips)",
            "  already there   \(alreadyThere)",
            "  skipped         \(skippedTotal)",
        ]
        for reason in ChatImport.SkipReason.allCases {
            if let count = skipped[reason], count > 0 { lines.append("    \(String(count).padding(toLength: 7, withPad: " ", startingAt: 0)) \(reason.rawValue)") }
        }
        if let bound = boundChatID {
            lines.append("note: \(thanaCode) is bound to group \(bound), not to the exported group \(chatID)")
        }
        return lines
    }

    /// One line for the audit log: counts, the file's name and the group, never a person.
    var auditLine: String {
        let reasons = ChatImport.SkipReason.allCases.compactMap { reason in
            skipped[reason].flatMap { $0 > 0 ? "\($0) \(reason.rawValue)" : nil }
        }
        return "\(thanaCode) from \(ChatImport.name(file)) (group \(chatID)): \(messagesRead) messages read, "
            + "\(tipsQueued) tips queued (\(repeats) repeats, \(possibleTips) possible), \(alreadyThere) already there, "
            + "\(skippedTotal) skipped" + (reasons.isEmpty ? "" : " (" + reasons.joined(separator: ", ") + ")")
    }
}
