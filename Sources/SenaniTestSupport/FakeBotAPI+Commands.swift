import Foundation
import TelegramBotAPI

/// The command menus: setMyCommands, getMyCommands and deleteMyCommands, per scope.
extension FakeBotAPI {
    /// The commands last set for `scope` (an empty array when none).
    public func commands(for scope: BotCommandScope) -> JSONValue {
        let key = scope.type + (Self.chatIDSuffix(of: scope))
        return state.withLock { $0.commandsByScope[key] ?? [] }
    }

    func setMyCommands(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let commands = params["commands"]?.arrayValue else {
            return .error(code: 400, description: "Bad Request: parameter \"commands\" is required")
        }
        for command in commands {
            // Telegram's rule: 1–32 characters, lowercase English letters, digits and underscores.
            guard let name = command["command"]?.stringValue, (1...32).contains(name.count),
                name.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
            else { return .error(code: 400, description: "Bad Request: BOT_COMMAND_INVALID") }
            guard let description = command["description"]?.stringValue, (1...256).contains(description.count) else {
                return .error(code: 400, description: "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
            }
        }
        guard let key = Self.scopeKey(params["scope"]) else {
            return .error(code: 400, description: "Bad Request: wrong scope specified")
        }
        state.withLock { $0.commandsByScope[key] = .array(commands) }
        return .ok(true)
    }

    func getMyCommands(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let key = Self.scopeKey(params["scope"]) else {
            return .error(code: 400, description: "Bad Request: wrong scope specified")
        }
        return .ok(state.withLock { $0.commandsByScope[key] ?? [] })
    }

    func deleteMyCommands(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let key = Self.scopeKey(params["scope"]) else {
            return .error(code: 400, description: "Bad Request: wrong scope specified")
        }
        state.withLock { _ = $0.commandsByScope.removeValue(forKey: key) }
        return .ok(true)
    }

    /// `default`, `all_private_chats`, `chat:-100…`; nil for a scope the fake does not know.
    private static func scopeKey(_ scope: JSONValue?) -> String? {
        guard let scope else { return "default" }
        // A form body may carry the scope as JSON text.
        let object = scope.stringValue.flatMap { JSONValue(json: Data($0.utf8)) } ?? scope
        guard let type = object["type"]?.stringValue else { return nil }
        switch type {
        case "default", "all_private_chats", "all_group_chats", "all_chat_administrators":
            return type
        case "chat", "chat_administrators":
            guard let chatID = object["chat_id"]?.int64Value else { return nil }
            return "\(type):\(chatID)"
        default:
            return nil
        }
    }

    private static func chatIDSuffix(of scope: BotCommandScope) -> String {
        if case .chat(let chatID) = scope { ":\(chatID)" } else { "" }
    }
}
