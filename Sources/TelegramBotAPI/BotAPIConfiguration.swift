/// How to reach the Bot API.
public struct BotAPIConfiguration: Sendable {
    /// e.g. `https://api.telegram.org`, or a self-hosted Bot API server, or a test server.
    public var baseURL: String
    /// The bot token from BotFather. Never logged, never part of an error message.
    public var token: String
    /// Limit for establishing a connection.
    public var connectTimeout: Duration
    /// Limit for a whole call other than a long poll.
    public var requestTimeout: Duration
    /// Added to a long poll's own timeout to give its whole transfer limit: a stalled socket must never hang.
    public var longPollGrace: Duration

    public init(
        baseURL: String = "https://api.telegram.org",
        token: String,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(30),
        longPollGrace: Duration = .seconds(15)
    ) {
        self.baseURL = baseURL
        self.token = token
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.longPollGrace = longPollGrace
    }
}

extension BotAPIConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    /// Everything but the token: printing a configuration (or anything holding one) never shows it.
    public var description: String { "BotAPIConfiguration(baseURL: \(baseURL), token: <redacted>)" }
    public var debugDescription: String { description }
}
