import Foundation
import SenaniStore
import TelegramBotAPI
import TipAnalysis

/// Decides what one update means: a pure function of the update and what the store knows, so it is tested
/// without Telegram or SQLite and replays give the same answer.
public struct UpdateHandler: Sendable {
    /// Why an update caused nothing, for the logs.
    public enum Skip: Sendable, Hashable {
        case unboundChat(Int64)
        case notATip
        case fromOfficer
        case fromBot
        case noContent
        case unhandledKind
        case privateChat
        /// The bot was added to a group, or its rights there changed: the admin needs the chat id to bind it.
        case botMembershipChanged(chatID: Int64, title: String?, status: String)
    }

    /// What an update leads to.
    public struct Outcome: Sendable, Hashable {
        public var effects: [IntakeEffect] = []
        public var skip: Skip?
    }

    public var analyzer: TipAnalyzer

    public init(analyzer: TipAnalyzer = TipAnalyzer()) {
        self.analyzer = analyzer
    }

    public func handle(_ update: Update, context: IntakeContext) -> Outcome {
        if let message = update.message { return handleMessage(message, context: context, edited: false) }
        if let message = update.editedMessage { return handleMessage(message, context: context, edited: true) }
        if let change = update.myChatMember {
            return Outcome(
                skip: .botMembershipChanged(
                    chatID: change.chat.id, title: change.chat.title, status: change.newChatMember.status))
        }
        return Outcome(skip: .unhandledKind)
    }

    private func handleMessage(_ message: Message, context: IntakeContext, edited: Bool) -> Outcome {
        // Telegram sends one service message in the old group and one in the new; either moves the binding.
        if let newID = message.migrateToChatID {
            return Outcome(effects: [.migrateChat(from: message.chat.id, to: newID)])
        }
        if let oldID = message.migrateFromChatID {
            return Outcome(effects: [.migrateChat(from: oldID, to: message.chat.id)])
        }
        if let command = message.command, !edited {
            return handleCommand(command.name, message: message, context: context)
        }
        guard message.chat.isGroup else {
            // Private tips are not taken yet; the informant is told so, never left wondering whether it arrived.
            guard message.chat.type == .private, !edited, message.from?.isBot == false else {
                return Outcome(skip: .privateChat)
            }
            return Outcome(
                effects: [
                    .send(
                        OutboxDraft(
                            chatID: message.chat.id, template: "private_unavailable", replyToMessageID: message.messageID))
                ], skip: .privateChat)
        }
        guard let thana = context.thanaByChat[message.chat.id] else {
            return Outcome(skip: .unboundChat(message.chat.id))
        }
        // Anonymous admins and linked channels speak as a chat: that is the police side, not an informant.
        guard let sender = message.from, !sender.isBot, message.senderChat == nil, message.viaBot == nil else {
            return Outcome(skip: .fromBot)
        }
        if context.officers[sender.id] != nil { return Outcome(skip: .fromOfficer) }

        let media = Self.media(of: message)
        let location = (message.location ?? message.venue?.location).map {
            GeoPoint(latitude: $0.latitude, longitude: $0.longitude)
        }
        let received = Date(timeIntervalSince1970: TimeInterval(message.date))
        guard let body = message.body, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            guard !media.isEmpty || location != nil, !edited else { return Outcome(skip: .noContent) }
            return Outcome(effects: [
                .attachToRecent(
                    chatID: message.chat.id, reporterUserID: sender.id, at: received, media: media, location: location)
            ])
        }

        let analysis = analyzer.analyze(body)
        guard analysis.isTip || edited else { return Outcome(skip: .notATip) }
        let report = NewReport(
            thanaCode: thana, chatID: message.chat.id, messageID: message.messageID, reporterUserID: sender.id,
            text: body, receivedAt: received, analysis: analysis, media: media, location: location,
            forwardOrigin: message.forwardOrigin?.type)
        // The group reply names only the reference: repeating the tip would tell the accused what was said.
        let reply = OutboxDraft(
            chatID: message.chat.id, template: "group_ack", replyToMessageID: message.messageID)
        let effect: IntakeEffect =
            edited ? .editReport(report, replies: [reply]) : .newReport(report, replies: [reply])
        return Outcome(effects: [effect])
    }

    private func handleCommand(_ name: String, message: Message, context: IntakeContext) -> Outcome {
        switch name {
        case "start", "help":
            // In a group only a bound one gets answers, so the bot stays quiet where nobody set it up.
            if message.chat.isGroup && context.thanaByChat[message.chat.id] == nil {
                return Outcome(skip: .unboundChat(message.chat.id))
            }
            let template = message.chat.isGroup || name == "help" ? "help" : "start"
            return Outcome(effects: [
                .send(OutboxDraft(chatID: message.chat.id, template: template, replyToMessageID: message.messageID))
            ])
        default:
            return Outcome(skip: .unhandledKind)
        }
    }

    /// The files a message carries, largest photo size only.
    static func media(of message: Message) -> [MediaRef] {
        var media: [MediaRef] = []
        if let photo = message.photo?.max(by: { $0.width * $0.height < $1.width * $1.height }) {
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
