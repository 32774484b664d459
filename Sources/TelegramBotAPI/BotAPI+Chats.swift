extension BotAPI {
    /// A user's membership of a chat; with the bot's own id, whether the bot is an administrator of a group
    /// (and may delete messages there).
    public func getChatMember(chatID: Int64, userID: Int64) async throws(BotAPIError) -> ChatMember {
        struct Params: Encodable {
            var chat_id: Int64
            var user_id: Int64
        }
        return try await call("getChatMember", Params(chat_id: chatID, user_id: userID))
    }
}
