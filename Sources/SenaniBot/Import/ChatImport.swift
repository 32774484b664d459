import ChatExport
import Foundation
import SenaniStore
import TipAnalysis

/// `senani import`: a thana group's past, from a Telegram Desktop chat export, as closed reports of that thana.
///
/// Two passes over the file, each streaming (memory stays flat for a 200 MB export):
/// 1. **check**: the whole file is read and validated before anything is written, and the places where message
///    ids start again are counted (a group that became a supergroup: the old group's messages come first, then
///    the supergroup's, numbered from 1 again);
/// 2. **import**: the tips among the messages are stored in ONE transaction, so a file that fails half way (or
///    changed since the check) leaves the database as it was.
///
/// Identity: a report's key is (chat id, message id), as for live intake. The chat id is the exported group's Bot
/// API id (`-100…` for a supergroup); the supergroup's own messages keep their ids, so a tip the bot already took
/// live is "already there", and the earlier group's messages get negative ids (`-id`), which Telegram never uses.
/// Importing the same file again finds every tip already there and changes nothing.
///
/// The informant is stored only as the pseudonym of the numeric id in `from_id`; names are never read into a
/// report. Messages sent as the group or a channel, and those of registered officers, are the police side and
/// skipped, as in live intake. Possible tips are imported too (they are past and closed: nobody is asked to
/// review them, `needs_review` stays false; their confidence tells them apart), so no tip of the past is lost.
public enum ChatImport {
    /// Why a message did not become a report.
    public enum SkipReason: String, Sendable, Hashable, CaseIterable {
        case service = "service messages"
        case notATip = "not a tip"
        case noText = "no text (photo, sticker, voice, pin only)"
        case fromOfficer = "from a registered officer"
        case asGroupOrChannel = "sent as the group or a channel"
        case noSender = "no sender"
        case unsupported = "entries Desktop could not export"
    }

    /// Where the import is, for a progress bar.
    public struct Progress: Sendable, Hashable {
        public enum Phase: String, Sendable, Hashable {
            case checking, importing
        }
        public var phase: Phase
        public var bytesRead: Int64
        public var fileSize: Int64
        public var messagesRead: Int
    }

    /// Reads the export at `path` and imports its tips into `thana`. Blocks: call it from a thread of its own.
    ///
    /// Throws `ChatExportError` for a bad file (with its byte offset and message id), `StoreError` for an unknown
    /// thana or a database failure, and `ChatImportError` for an export of something other than a group.
    public static func run(
        path: String, thana: String, store: Store, analyzer: TipAnalyzer = TipAnalyzer(), at now: Date,
        progress: ((Progress) -> Void)? = nil
    ) throws -> ImportSummary {
        guard let target = try store.thanas().first(where: { $0.code == thana }) else {
            throw StoreError(.notFound, "no thana \(thana); add it first with `senani thana add`")
        }
        let check = try checkFile(path: path, progress: progress)
        let chatID = try botChatID(of: check.chat, path: path)
        var summary = ImportSummary(file: path, thanaCode: thana, chatID: chatID, chatName: check.chat.name)
        if let bound = target.chatID, bound != chatID { summary.boundChatID = bound }

        try store.importReports(thana: thana, at: now) { session in
            let reader = try ChatExportReader(path: path)
            var segment = 0
            var previousID: Int64?
            while let message = try reader.next() {
                if let previousID, message.id <= previousID { segment += 1 }
                previousID = message.id
                let key = messageKey(id: message.id, segmentsAfter: check.restarts - segment)
                try take(message, key: key, chatID: chatID, session: session, analyzer: analyzer, summary: &summary)
                if reader.messageCount & 255 == 0 {
                    progress?(Progress(phase: .importing, bytesRead: reader.bytesRead, fileSize: reader.fileSize,
                                       messagesRead: reader.messageCount))
                }
            }
            guard reader.messageCount == check.messages, segment == check.restarts else {
                throw ChatImportError("\(Self.name(path)) changed while it was being imported; nothing was imported")
            }
            summary.messagesRead = reader.messageCount + reader.skippedCount
            summary.skipped[.unsupported, default: 0] += reader.skippedCount
            progress?(Progress(phase: .importing, bytesRead: reader.fileSize, fileSize: reader.fileSize,
                               messagesRead: reader.messageCount))
            try session.audit(detail: summary.auditLine)
        }
        return summary
    }

    /// One message: skipped for a reason, already there, or a new closed report.
    private static func take(
        _ message: ExportedMessage, key: Int64, chatID: Int64, session: ImportSession, analyzer: TipAnalyzer,
        summary: inout ImportSummary
    ) throws {
        func skip(_ reason: SkipReason) { summary.skipped[reason, default: 0] += 1 }
        if message.isService { return skip(.service) }
        guard let from = message.fromID else { return skip(.noSender) }
        guard from.hasPrefix("user"), let userID = Int64(from.dropFirst(4)) else {
            return skip(from.hasPrefix("channel") || from.hasPrefix("chat") ? .asGroupOrChannel : .noSender)
        }
        if session.isOfficer(userID) { return skip(.fromOfficer) }
        guard !message.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return skip(.noText) }
        let text = GroupTip.truncated(message.text)
        let analysis = analyzer.analyze(text)
        guard analysis.decision != .notTip else { return skip(.notATip) }
        let report = NewReport(
            thanaCode: session.thanaCode, chatID: chatID, messageID: key, reporterUserID: userID, text: text,
            receivedAt: message.date, analysis: analysis,
            location: message.location.map { GeoPoint(latitude: $0.latitude, longitude: $0.longitude) })
        switch try session.add(report) {
        case .alreadyThere:
            summary.alreadyThere += 1
        case .queued(_, let original):
            summary.tipsQueued += 1
            if original != nil { summary.repeats += 1 }
            if analysis.decision == .possibleTip { summary.possibleTips += 1 }
        }
    }
}
