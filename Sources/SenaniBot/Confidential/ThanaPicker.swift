import Foundation
import SenaniStore
import TelegramBotAPI

/// The thana an informant's private tips go to: asked with buttons (paged), or typed as a name or code; changed
/// with `/thana`. Remembered under his key, never his id.
enum ThanaPicker {
    static let choose = "ts"
    static let page = "tp"
    static let pageSize = 8

    /// Buttons of `thanas` (a page of them when there are many), two to a row, signed.
    static func buttons(_ thanas: [Thana], page: Int = 0, signer: CallbackSigner) -> [[OutboxButton]] {
        let pages = max(1, (thanas.count + pageSize - 1) / pageSize)
        let current = min(max(page, 0), pages - 1)
        let shown = thanas.dropFirst(current * pageSize).prefix(pageSize)
        var rows: [[OutboxButton]] = []
        var row: [OutboxButton] = []
        for thana in shown {
            guard let data = signer.encode(CallbackData(action: choose, ref: thana.code, version: 0)) else { continue }
            row.append(OutboxButton(text: "\(thana.name) (\(thana.code))", data: data))
            if row.count == 2 {
                rows.append(row)
                row = []
            }
        }
        if !row.isEmpty { rows.append(row) }
        var navigation: [OutboxButton] = []
        if current > 0, let data = signer.encode(CallbackData(action: Self.page, ref: "p", version: current - 1)) {
            navigation.append(OutboxButton(text: "◀️", data: data))
        }
        if current < pages - 1, let data = signer.encode(CallbackData(action: Self.page, ref: "p", version: current + 1)) {
            navigation.append(OutboxButton(text: "▶️", data: data))
        }
        if !navigation.isEmpty { rows.append(navigation) }
        return rows
    }

    /// The question "which thana?" with the buttons of `thanas`.
    static func ask(_ chat: Int64, thanas: [Thana], all: [Thana], page: Int = 0, template: String = "thana_choose",
                    signer: CallbackSigner, edit: Int64? = nil) -> OutboxDraft {
        var parameters: [String: String] = [:]
        if thanas.count < all.count { parameters["narrowed"] = "1" }
        return .toInformant(
            chat, template: template, parameters: parameters, buttons: buttons(thanas, page: page, signer: signer),
            kind: edit.map { .edit(.message($0)) } ?? .message)
    }

    /// Remembers `thana` and queues every tip that waited for it.
    static func chosen(_ thana: Thana, chat: Int64, userID: Int64, facts: InformantFacts, context: RouteContext) -> InformantDecision {
        var decision = InformantDecision(
            steps: [.remember(thana: thana.code)],
            messages: [
                .toInformant(chat, template: "thana_chosen", parameters: ["thana": thana.name, "code": thana.code])
            ])
        decision.steps += ConfidentialTip.queueHeld(facts.held, thana: thana, userID: userID, quiet: false, context: context)
        return decision
    }

    /// `/thana [name or code]`, in private.
    static func command(_ request: CommandRequest) -> Outcome {
        guard !request.inGroup else { return .skip(.notForUs) }
        let chat = request.message.chat.id
        let typed = request.rest.trimmingCharacters(in: .whitespacesAndNewlines)
        let context = request.context
        let incoming = InformantMessage(
            userID: request.senderID, chatID: chat,
            receivedAt: Date(timeIntervalSince1970: TimeInterval(request.message.date)))
        let userID = request.senderID
        return .effect(
            .informant(incoming) { facts in
                guard !typed.isEmpty else {
                    var draft = ask(chat, thanas: facts.thanas, all: facts.thanas, signer: context.buttons)
                    if let current = facts.thana { draft.parameters["current"] = "\(current.name) (\(current.code))" }
                    return InformantDecision(messages: [draft])
                }
                let matches = ThanaMatcher.matches(typed, in: facts.thanas)
                if matches.count == 1 {
                    return chosen(matches[0], chat: chat, userID: userID, facts: facts, context: context)
                }
                if matches.isEmpty {
                    return InformantDecision(messages: [
                        ask(chat, thanas: facts.thanas, all: facts.thanas, template: "thana_no_match", signer: context.buttons)
                    ])
                }
                return InformantDecision(messages: [ask(chat, thanas: matches, all: facts.thanas, signer: context.buttons)])
            })
    }

    /// A thana button tapped.
    static func button(_ request: ButtonRequest) -> Outcome {
        let query = request.query
        let user = query.from.id
        let code = request.data.ref
        let context = request.context
        let tapped = request.tapped?.messageID
        let incoming = InformantMessage(userID: user, chatID: user, receivedAt: Date(timeIntervalSince1970: 0))
        return .effect(
            .informant(incoming) { facts in
                var answer = OutboxDraft.toInformant(user, template: "ok", kind: .callbackAnswer(queryID: query.id))
                guard let thana = facts.thanas.first(where: { $0.code == code }) else {
                    answer.template = "button_invalid"
                    return InformantDecision(messages: [answer])
                }
                var decision = chosen(thana, chat: user, userID: user, facts: facts, context: context)
                if let tapped {
                    // The list is answered: it becomes the confirmation, without buttons.
                    decision.messages[0].kind = .edit(.message(tapped))
                }
                decision.messages.insert(answer, at: 0)
                return decision
            })
    }

    /// ◀️ / ▶️ under the list.
    static func turn(_ request: ButtonRequest) -> Outcome {
        let query = request.query
        let user = query.from.id
        let target = request.data.version
        let context = request.context
        let tapped = request.tapped?.messageID
        let incoming = InformantMessage(userID: user, chatID: user, receivedAt: Date(timeIntervalSince1970: 0))
        return .effect(
            .informant(incoming) { facts in
                var messages = [OutboxDraft.toInformant(user, template: "ok", kind: .callbackAnswer(queryID: query.id))]
                messages.append(
                    ask(user, thanas: facts.thanas, all: facts.thanas, page: target, signer: context.buttons, edit: tapped))
                return InformantDecision(messages: messages)
            })
    }
}
