import ArgumentParser
import Foundation
import Logging
import SenaniBot
import ServiceLifecycle
import TelegramBotAPI

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Long-poll Telegram until SIGINT/SIGTERM, then finish the batch in hand, commit, and exit 0.")

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("token-file"), help: "File holding the bot token (else env SENANI_BOT_TOKEN).")
    var tokenFile: String?
    @Option(name: .customLong("api-url"), help: "Bot API base URL (env SENANI_API_URL; default https://api.telegram.org).")
    var apiURL: String?
    @Option(name: .customLong("poll-timeout"), help: "getUpdates long-poll timeout in seconds (env SENANI_POLL_TIMEOUT; default 30).")
    var pollTimeout: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error (env SENANI_LOG_LEVEL).")
    var logLevel: String?
    @Option(help: "Folder of the message templates (env SENANI_TEMPLATES; default: found beside the binary).")
    var templates: String?
    @Option(name: .customLong("group-sends-per-minute"), help: "Messages per minute into one group (env SENANI_GROUP_SENDS_PER_MINUTE; default 20, Telegram's limit).")
    var groupSendsPerMinute: String?
    @Option(help: "Time to acknowledge per category, e.g. liquor=1h,election_disturbance=15m (units s, m, h; env SENANI_SLA).")
    var sla: String?

    func run() async throws {
        let level = try Settings.logLevel(logLevel)
        let sla = try Settings.sla(sla)
        let token = try BotToken.resolve(file: tokenFile)
        var configuration = try makeConfiguration(token: token)
        configuration.sla = sla
        let logger = Settings.logger(level: level, secrets: [token])
        let group: ServiceGroup
        let transport = CurlTransport()
        // Nothing may still be inside libcurl when the process exits.
        defer { transport.shutdownAndWait() }
        do {
            group = try await SenaniApplication.build(
                configuration: configuration, transport: transport, logger: logger)
        } catch {
            throw CLIError.runtime("\(error)")
        }
        logger.info("senani started", metadata: ["db": "\(configuration.databasePath)"])
        logger.info(
            """
            if the database cannot be written (disk full, locked by another process), intake pauses and says so here; \
            Telegram keeps waiting updates for 24 h, and nothing is lost if it is fixed within that time
            """)
        // A stop asked for before the group took over SIGTERM/SIGINT is honoured as soon as it runs.
        let early = Task {
            for _ in 0..<200 where !Task.isCancelled {
                if EarlySignals.stopRequested {
                    await group.triggerGracefulShutdown()
                    return
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        defer { early.cancel() }
        do {
            try await group.run()
        } catch let error as SenaniError {
            throw CLIError.runtime(error.description)
        } catch {
            // The service group's own errors name services, never their configuration or the token.
            throw CLIError.runtime("stopped: \(error)")
        }
        logger.info("senani stopped")
    }

    private func makeConfiguration(token: String) throws -> SenaniConfiguration {
        let timeoutText = Settings.value(flag: pollTimeout, environment: "SENANI_POLL_TIMEOUT") ?? "30"
        guard let timeout = Int(timeoutText), (0...600).contains(timeout) else {
            throw CLIError.usage("poll timeout must be 0–600 seconds, not \"\(timeoutText)\"")
        }
        let url = Settings.value(flag: apiURL, environment: "SENANI_API_URL") ?? "https://api.telegram.org"
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw CLIError.usage("API URL must start with https:// or http://, not \"\(url)\"")
        }
        var limits = RateLimiter.Limits.telegram
        if let text = Settings.value(flag: groupSendsPerMinute, environment: "SENANI_GROUP_SENDS_PER_MINUTE") {
            guard let value = Int(text), value > 0 else {
                throw CLIError.usage("group sends per minute must be a positive number, not \"\(text)\"")
            }
            limits.perGroupPerMinute = value
        }
        var configuration = SenaniConfiguration(
            databasePath: store.path, token: token,
            apiURL: url.hasSuffix("/") ? String(url.dropLast()) : url, pollTimeout: timeout,
            templatesDirectory: MessageTemplates.locate(explicit: Settings.value(flag: templates, environment: "SENANI_TEMPLATES")),
            rateLimits: limits)
        configuration.keyFile = store.keyPath
        return configuration
    }
}

/// The bot token, from `--token-file` or `SENANI_BOT_TOKEN`; without one, how to get one.
enum BotToken {
    static func resolve(file: String?) throws -> String {
        if let file {
            guard let contents = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw CLIError.usage("cannot read token file \(file)")
            }
            return try check(contents)
        }
        if let value = ProcessInfo.processInfo.environment["SENANI_BOT_TOKEN"], !value.isEmpty {
            return try check(value)
        }
        throw CLIError.usage(
            "no bot token: in Telegram, message @BotFather, send /newbot, follow the steps, then "
                + "`export SENANI_BOT_TOKEN=<the token>` (or put it in a file and pass --token-file)")
    }

    private static func check(_ raw: String) throws -> String {
        let token = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = token.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0].allSatisfy(\.isNumber), parts[1].count >= 8,
            parts[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        else {
            throw CLIError.usage("the bot token does not look like BotFather's (digits:letters, e.g. 123456789:AAE...)")
        }
        return token
    }
}
