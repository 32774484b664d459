import Foundation
import SenaniStore
import TelegramBotAPI

/// `t.me/<bot>?start=<token>`: opens the bot's private chat bound to one report, so follow-up (photos, names,
/// answers to the police) never goes into the group. The token is the ref and a signature made with the install
/// key, so nobody can bind a chat to a report he was not shown.
enum DeepLink {
    static let action = "L"

    /// The link for `ref`, or nil when the bot's username is not known yet.
    static func url(for ref: String, context: RouteContext) -> String? {
        guard let bot = context.botUsername, let token = token(for: ref, signer: context.buttons) else { return nil }
        return "https://t.me/\(bot)?start=\(token)"
    }

    /// `REF_tag`: Telegram allows 64 characters of A–Z, a–z, 0–9, `_` and `-` in a start parameter.
    static func token(for ref: String, signer: CallbackSigner) -> String? {
        guard let tag = signer.signatureTag(CallbackData(action: action, ref: ref, version: 0)) else { return nil }
        let token = "\(ref)_\(tag)"
        return token.utf8.count <= 64 ? token : nil
    }

    /// The ref a token binds to, when this install signed it.
    static func ref(in token: String, signer: CallbackSigner) -> String? {
        guard let split = token.firstIndex(of: "_") else { return nil }
        let ref = String(token[..<split])
        let tag = token[token.index(after: split)...]
        guard !ref.isEmpty, !tag.isEmpty, let data = signer.decode("\(action)|\(ref)|0|\(tag)"), data.action == action
        else { return nil }
        return data.ref
    }

    /// `/start TOKEN` from a citizen binds his chat to the report; anything else is the usual greeting.
    static func start(_ request: CommandRequest) -> Outcome {
        guard request.officer == nil, !request.inGroup, let token = request.arguments.first else {
            return StartCommand.handle(request)
        }
        let message = request.message
        guard let ref = ref(in: token, signer: request.context.buttons) else {
            return .send(.toInformant(message.chat.id, template: "link_invalid", replyToMessageID: message.messageID))
        }
        let incoming = InformantMessage(
            userID: request.senderID, chatID: message.chat.id, messageID: message.messageID,
            receivedAt: Date(timeIntervalSince1970: TimeInterval(message.date)), link: ref)
        let chat = message.chat.id
        return .effect(
            .informant(incoming) { facts in
                guard let report = facts.linked, report.status != .closed else {
                    return InformantDecision(messages: [.toInformant(chat, template: "link_invalid")])
                }
                return InformantDecision(
                    steps: [.bind(ref: report.ref)],
                    messages: [.toInformant(chat, template: "link_opened", parameters: ["ref": report.ref])],
                    audit: [
                        AuditEntry(
                            at: facts.now, actor: facts.pseudonym, action: "informant.link", ref: report.ref,
                            detail: "private chat opened through the report's link")
                    ])
            })
    }
}
