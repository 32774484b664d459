import Foundation
import SenaniStore
import TelegramBotAPI
import TipAnalysis

/// Sends each update to the handler registered for it: commands by name, buttons by action, everything else by
/// kind. Adding an officer action adds a file and one line in `standard`, never a case in a switch.
public struct UpdateRouter: Sendable {
    public typealias CommandHandler = @Sendable (CommandRequest) -> Outcome
    public typealias ButtonHandler = @Sendable (ButtonRequest) -> Outcome
    public typealias MessageHandler = @Sendable (Message, RouteContext, _ edited: Bool) -> Outcome

    private var commands: [String: CommandHandler] = [:]
    private var buttons: [String: ButtonHandler] = [:]
    private var groupMessages: MessageHandler
    private var privateMessages: MessageHandler

    public init(groupMessages: @escaping MessageHandler, privateMessages: @escaping MessageHandler) {
        self.groupMessages = groupMessages
        self.privateMessages = privateMessages
    }

    /// Registers `handler` for `/name`.
    public mutating func command(_ name: String, _ handler: @escaping CommandHandler) {
        commands[name] = handler
    }

    /// Registers `handler` for buttons whose signed action is `action`.
    public mutating func button(_ action: String, _ handler: @escaping ButtonHandler) {
        buttons[action] = handler
    }

    /// Every command and button Senani offers.
    public static var standard: UpdateRouter {
        var router = UpdateRouter(
            groupMessages: GroupAnswer.wrapping(GroupTip.handle), privateMessages: PrivateMessage.handle)
        router.command("start", DeepLink.start)
        router.command("help", StartCommand.handle)
        router.command("pending", PendingCommand.handle)
        router.command("show", ShowReport.command)
        router.command("ack", Acknowledge.command)
        router.command("close", CloseReport.command)
        router.command("transfer", TransferReport.command)
        router.command("register", RegisterGroup.command)
        router.command("digest", DigestCommand.handle)
        router.command("ask", AskCommand.command)
        router.command("thana", ThanaPicker.command)
        router.button(ThanaPicker.choose, ThanaPicker.button)
        router.button(ThanaPicker.page, ThanaPicker.turn)
        router.button(ButtonAction.acknowledge, Acknowledge.button)
        router.button(ButtonAction.closeMenu, CloseReport.menu)
        router.button(ButtonAction.back, CloseReport.back)
        for outcome in CloseReport.buttonOutcomes { router.button(ButtonAction.close(outcome), CloseReport.button) }
        router.button(ButtonAction.details, ShowReport.button)
        router.button(ButtonAction.confirmTip, ReviewTip.confirm)
        router.button(ButtonAction.notATip, ReviewTip.reject)
        router.button(ButtonAction.categoryMenu, ReviewTip.menu)
        for category in ReviewTip.categories { router.button(ButtonAction.recategorize(category), ReviewTip.recategorize) }
        return router
    }

    public func route(_ update: Update, context: RouteContext) -> Outcome {
        if let message = update.message { return route(message, context: context, edited: false) }
        if let message = update.editedMessage { return route(message, context: context, edited: true) }
        if let query = update.callbackQuery { return route(query, context: context) }
        if let change = update.myChatMember {
            return .skip(
                .botMembershipChanged(chatID: change.chat.id, title: change.chat.title, status: change.newChatMember.status))
        }
        return .skip(.unhandledKind)
    }

    private func route(_ message: Message, context: RouteContext, edited: Bool) -> Outcome {
        // Telegram sends one service message in the old group and one in the new; either moves the binding.
        if let newID = message.migrateToChatID { return .effect(.migrateChat(from: message.chat.id, to: newID)) }
        if let oldID = message.migrateFromChatID { return .effect(.migrateChat(from: oldID, to: message.chat.id)) }
        if !edited, let parsed = message.command {
            return routeCommand(parsed, message: message, context: context)
        }
        if message.chat.isGroup { return groupMessages(message, context, edited) }
        if message.chat.type == .private { return privateMessages(message, context, edited) }
        return .skip(.unhandledKind)
    }

    private func routeCommand(
        _ parsed: (name: String, mention: String?, arguments: String), message: Message, context: RouteContext
    ) -> Outcome {
        if let mention = parsed.mention, mention.lowercased() != context.botUsername?.lowercased() {
            return .skip(.notForUs)
        }
        guard let sender = message.from, !sender.isBot else { return .skip(.fromBot) }
        // In a group nobody bound, only /register is answered: the bot stays quiet where nobody set it up.
        if message.chat.isGroup, context.intake.thanaByChat[message.chat.id] == nil, parsed.name != "register" {
            return .skip(.unboundChat(message.chat.id))
        }
        guard let handler = commands[parsed.name] else {
            return message.chat.isGroup ? .skip(.notForUs) : privateMessages(message, context, false)
        }
        let request = CommandRequest(
            name: parsed.name, arguments: parsed.arguments.split(whereSeparator: \.isWhitespace).map(String.init),
            rest: parsed.arguments, message: message, senderID: sender.id, officer: context.intake.officers[sender.id],
            context: context)
        return handler(request)
    }

    private func route(_ query: CallbackQuery, context: RouteContext) -> Outcome {
        let refuse = OutboxDraft(
            chatID: query.from.id, template: "button_invalid", kind: .callbackAnswer(queryID: query.id))
        guard let raw = query.data, let data = context.buttons.decode(raw), let handler = buttons[data.action] else {
            return Outcome(effects: [.send(refuse)], skip: .badButton)
        }
        return handler(
            ButtonRequest(query: query, data: data, officer: context.intake.officers[query.from.id], context: context))
    }
}

/// The signed actions of Senani's buttons.
public enum ButtonAction {
    public static let acknowledge = "a"
    public static let closeMenu = "c"
    public static let back = "b"
    public static let details = "d"
    public static let confirmTip = "t"
    public static let notATip = "n"
    public static let categoryMenu = "g"

    /// Set the category to `category`: `k` and its number in `ReviewTip.categories`.
    public static func recategorize(_ category: TipCategory) -> String {
        "k\((ReviewTip.categories.firstIndex(of: category) ?? 0) + 1)"
    }

    public static func category(of action: String) -> TipCategory? {
        guard action.hasPrefix("k"), let index = Int(action.dropFirst()), index >= 1, index <= ReviewTip.categories.count
        else { return nil }
        return ReviewTip.categories[index - 1]
    }

    /// Close with `outcome`: `x` and the outcome's number in `CloseReport.buttonOutcomes`.
    public static func close(_ outcome: ReportOutcome) -> String {
        "x\((CloseReport.buttonOutcomes.firstIndex(of: outcome) ?? 0) + 1)"
    }

    public static func outcome(of action: String) -> ReportOutcome? {
        guard action.hasPrefix("x"), let index = Int(action.dropFirst()), index >= 1,
            index <= CloseReport.buttonOutcomes.count
        else { return nil }
        return CloseReport.buttonOutcomes[index - 1]
    }
}
