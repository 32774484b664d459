import Foundation
import SenaniStore

/// Everything `senani run` needs, resolved from flags, environment and defaults by the CLI.
public struct SenaniConfiguration: Sendable {
    public var databasePath: String
    /// The install key file; nil for the default beside the database (see `InstallKey.defaultPath`).
    public var keyFile: String?
    public var token: String
    /// Bot API base URL; requests go to `<apiURL>/bot<token>/<method>`.
    public var apiURL: String
    /// getUpdates long-poll timeout, seconds.
    public var pollTimeout: Int
    /// Folder of the Mustache message templates.
    public var templatesDirectory: String
    public var rateLimits: RateLimiter.Limits
    /// First and largest wait between retries after network or server trouble.
    public var backoff: Backoff
    /// Time to acknowledge per category (`SENANI_SLA`, `--sla`): reminders at it, escalations at twice it.
    public var sla: SLA

    public init(
        databasePath: String, token: String, apiURL: String = "https://api.telegram.org", pollTimeout: Int = 30,
        templatesDirectory: String, rateLimits: RateLimiter.Limits = .telegram, backoff: Backoff = Backoff(),
        sla: SLA = .standard
    ) {
        self.databasePath = databasePath
        self.token = token
        self.apiURL = apiURL
        self.pollTimeout = pollTimeout
        self.templatesDirectory = templatesDirectory
        self.rateLimits = rateLimits
        self.backoff = backoff
        self.sla = sla
    }
}

extension SenaniConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    /// Everything an operator may see: the token never.
    public var description: String {
        "SenaniConfiguration(db: \(databasePath), api: \(apiURL), pollTimeout: \(pollTimeout), token: <redacted>)"
    }
    public var debugDescription: String { description }
}
