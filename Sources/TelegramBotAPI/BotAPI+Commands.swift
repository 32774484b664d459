extension BotAPI {
    /// Sets the command menu for `scope` (Telegram's default scope when nil).
    public func setMyCommands(
        _ commands: [BotCommand], scope: BotCommandScope? = nil, languageCode: String? = nil
    ) async throws(BotAPIError) {
        struct Params: Encodable {
            var commands: [BotCommand]
            var scope: BotCommandScope?
            var language_code: String?
        }
        let _: Bool = try await call(
            "setMyCommands", Params(commands: commands, scope: scope, language_code: languageCode))
    }

    /// Removes the command menu of `scope`, so a less specific one shows again.
    public func deleteMyCommands(scope: BotCommandScope? = nil, languageCode: String? = nil) async throws(BotAPIError) {
        let _: Bool = try await call("deleteMyCommands", ScopeParams(scope: scope, language_code: languageCode))
    }

    /// The command menu currently set for `scope`.
    public func getMyCommands(
        scope: BotCommandScope? = nil, languageCode: String? = nil
    ) async throws(BotAPIError) -> [BotCommand] {
        try await call("getMyCommands", ScopeParams(scope: scope, language_code: languageCode))
    }

    private struct ScopeParams: Encodable {
        var scope: BotCommandScope?
        var language_code: String?
    }
}
