import Foundation
import SenaniStore
import TelegramBotAPI
import TipAnalysis

/// A message in a bound group: a tip becomes a report, with a reply in the group and a notification to the SHO.
enum GroupTip {
    private static let blank = CharacterSet.whitespacesAndNewlines
    /// Longer tips are stored cut, with a marker: no officer reads past this, and storing never fails on size.
    static let maximumStoredLength = 20_000

    static func handle(_ message: Message, context: RouteContext, edited: Bool) -> Outcome {
        guard let thana = context.intake.thanaByChat[message.chat.id] else { return .skip(.unboundChat(message.chat.id)) }
        // Anonymous admins and linked channels speak as a chat: that is the police side, not an informant.
        guard let sender = message.from, !sender.isBot, message.senderChat == nil, message.viaBot == nil else {
            return .skip(.fromBot)
        }
        if context.intake.officers[sender.id] != nil { return .skip(.fromOfficer) }

        let media = media(of: message)
        let location = (message.location ?? message.venue?.location).map {
            GeoPoint(latitude: $0.latitude, longitude: $0.longitude)
        }
        let received = Date(timeIntervalSince1970: TimeInterval(message.date))
        // Blank means only white space; trimmingCharacters would build a trimmed copy of every tip to find out.
        guard let body = message.body, body.unicodeScalars.contains(where: { !Self.blank.contains($0) }) else {
            guard !media.isEmpty || location != nil, !edited else { return .skip(.noContent) }
            return .effect(
                .attachToRecent(
                    chatID: message.chat.id, messageID: message.messageID, reporterUserID: sender.id, at: received,
                    media: media, location: location, followUp: forwardAttachments))
        }
        let text = truncated(body)
        let analysis = context.analyzer.analyze(text)
        guard analysis.decision != .notTip || edited else {
            // Someone who speaks to the bot is never ignored: ask for what, where and when, once an hour at most.
            guard !edited, addressesBot(message, username: context.botUsername) else { return .skip(.notATip) }
            let ask = OutboxDraft(chatID: message.chat.id, template: "ask_details", replyToMessageID: message.messageID)
            return Outcome(effects: [.sendAtMostEvery(3600, purpose: "ask_details", userID: sender.id, draft: ask)], skip: .notATip)
        }
        let report = NewReport(
            thanaCode: thana, chatID: message.chat.id, messageID: message.messageID, reporterUserID: sender.id,
            text: text, receivedAt: received, analysis: analysis, media: media, location: location,
            forwardOrigin: message.forwardOrigin?.type)
        let reply = GroupReply.wrap(followUp, context: context)
        return .effect(edited ? .editReport(report, followUp: reply) : .newReport(report, followUp: reply))
    }

    /// The group reply (the ref, never the tip's words: repeating them tells the accused what was said), and
    /// the SHO's notification; a repeat updates the first report's notification instead.
    @Sendable static func followUp(_ tip: StoredTip) -> [OutboxDraft] {
        let report = tip.report
        var replyParameters = ["ref": report.ref]
        if let original = tip.original { replyParameters["duplicate_of"] = original.ref }
        var drafts = [
            OutboxDraft(
                chatID: report.chatID, template: "group_ack", parameters: replyParameters, replyToMessageID: report.messageID)
        ]
        if let original = tip.original {
            drafts += Notices.edits(original, thana: tip.thana, notices: tip.originalNotices)
        } else if report.needsReview {
            // A possible tip: gathered into one review message per SHO, at most every 30 minutes.
            let reviewers = tip.officers.isEmpty ? tip.districtOfficers : tip.officers
            drafts += reviewers.filter { $0.reachable != false }.map { ReviewTip.reviewDraft(report, to: $0.telegramID) }
        } else {
            drafts += Notices.forNew(report, thana: tip.thana, officers: tip.officers, spsIfNoSHO: tip.districtOfficers)
        }
        return drafts
    }

    /// A photo or pin sent after the tip goes on to the SHOs who were notified of it.
    @Sendable static func forwardAttachments(_ tip: StoredTip, media: [MediaRef], location: GeoPoint?) -> [OutboxDraft] {
        guard tip.report.duplicateOf == nil else { return [] }
        return tip.officers.filter { $0.reachable != false }.flatMap {
            Notices.attachments(media, location: location, ref: tip.report.ref, to: $0.telegramID)
        }
    }

    /// A reply to one of the bot's messages, or a message that mentions `@username`.
    static func addressesBot(_ message: Message, username: String?) -> Bool {
        if message.replyToMessage?.from?.isBot == true,
            username == nil || message.replyToMessage?.from?.username?.lowercased() == username?.lowercased()
        {
            return true
        }
        guard let username, let text = message.body else { return false }
        return text.lowercased().contains("@" + username.lowercased())
    }

    static func truncated(_ text: String) -> String {
        guard text.count > maximumStoredLength else { return text }
        let cut = text.count - maximumStoredLength
        return String(text.prefix(maximumStoredLength)) + "\n… [\(cut) characters cut / \(cut) अक्षर काटे गए]"
    }

    /// The files a message carries, largest photo size only.
    static func media(of message: Message) -> [MediaRef] {
        var media: [MediaRef] = []
        if let photo = message.photo?.max(by: { $0.width.multipliedReportingOverflow(by: $0.height).partialValue
            < $1.width.multipliedReportingOverflow(by: $1.height).partialValue })
        {
            media.append(MediaRef(kind: "photo", fileID: photo.fileID))
        }
        let files: [(String, FileAttachment?)] = [
            ("video", message.video), ("document", message.document), ("voice", message.voice),
            ("audio", message.audio), ("animation", message.animation), ("video_note", message.videoNote),
        ]
        for case (let kind, let file?) in files { media.append(MediaRef(kind: kind, fileID: file.fileID)) }
        return media
    }
}
