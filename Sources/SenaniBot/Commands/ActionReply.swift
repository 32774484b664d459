import SenaniStore

/// Where the answers to an officer's action go: to the command's chat, or as the tapped button's toast.
enum ActionReply: Sendable {
    case command(chatID: Int64, messageID: Int64)
    case button(queryID: String, userID: Int64, tapped: Tapped?)

    /// The message a button was tapped on.
    struct Tapped: Sendable, Hashable {
        var chatID: Int64
        var messageID: Int64
    }

    init(_ request: CommandRequest) {
        self = .command(chatID: request.message.chat.id, messageID: request.message.messageID)
    }

    init(_ request: ButtonRequest) {
        self = .button(
            queryID: request.query.id, userID: request.query.from.id,
            tapped: request.tapped.map { Tapped(chatID: $0.chatID, messageID: $0.messageID) })
    }

    /// A short answer: a reply to the command, or the button's toast.
    func say(_ template: String, _ parameters: [String: String] = [:]) -> OutboxDraft {
        switch self {
        case .command(let chat, let message):
            OutboxDraft(chatID: chat, template: template, parameters: parameters, replyToMessageID: message)
        case .button(let query, let user, _):
            OutboxDraft(
                chatID: user, template: template, parameters: parameters, kind: .callbackAnswer(queryID: query))
        }
    }

    /// A refusal: changes nothing, says why in a line.
    func refuse(_ refusal: AccessPolicy.Refusal, ref: String? = nil) -> Decision {
        var parameters = ["reason_\(refusal.rawValue)": "1"]
        if let ref { parameters["ref"] = ref }
        return Decision(messages: [say("refused", parameters)])
    }

    /// No such report (a typo in the ref).
    func notFound(_ ref: String) -> Decision {
        Decision(messages: [say("report_not_found", ["ref": ref])])
    }

    var isButton: Bool {
        if case .button = self { return true }
        return false
    }

    /// The tapped message, if it is not already one of the report's notification copies (those are all edited).
    func tappedOutside(_ notices: [Notice]) -> Tapped? {
        guard case .button(_, _, let tapped?) = self else { return nil }
        return notices.contains { $0.chatID == tapped.chatID && $0.sentMessageID == tapped.messageID } ? nil : tapped
    }
}

extension Decision {
    /// The report's notification copies, and the message a button was tapped on, shown as `report` is now.
    mutating func refresh(_ report: Report, thana: Thana?, notices: [Notice], reply: ActionReply) {
        messages += Notices.edits(report, thana: thana, notices: notices)
        if let tapped = reply.tappedOutside(notices) {
            messages.append(
                OutboxDraft(
                    chatID: tapped.chatID, template: "sho_notice", parameters: ReportView.parameters(report, thana: thana),
                    buttons: ReportView.buttons(report), kind: .edit(.message(tapped.messageID)), reportRef: report.ref))
        }
    }
}
