import Logging
import SenaniStore
import ServiceLifecycle
import TelegramBotAPI
import TipAnalysis
import UnixSignals

/// The running bot: the poller, the outbox sender and the scheduler in one service group that stops gracefully on
/// SIGTERM/SIGINT.
public enum SenaniApplication {
    /// Opens the store (or uses `store`, which a test shares), loads the templates and wires the services, all
    /// reading `clock`. Fails before anything runs when the database or the templates are unusable.
    public static func build(
        configuration: SenaniConfiguration, transport: any BotAPITransport, clock: any SenaniClock = SystemClock(),
        logger: Logger, gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint], store: Store? = nil
    ) async throws -> ServiceGroup {
        // A lock held by another process is waited out in short tries, so shutdown is never stuck behind it.
        let store = try store ?? Store(path: configuration.databasePath, keyFile: configuration.keyFile, busyTimeout: .seconds(2))
        try checkKey(store, logger: logger)
        let templates = try await MessageTemplates(directory: configuration.templatesDirectory)
        let api = BotAPI(
            configuration: BotAPIConfiguration(baseURL: configuration.apiURL, token: configuration.token),
            transport: transport, logger: logger)
        let senderWake = WakeSignal()
        let schedulerWake = WakeSignal()
        // A committed batch may have queued messages (the sender) and new reports or digest requests (the scheduler).
        let wake = WakeSignal(alsoRinging: [senderWake, schedulerWake])
        let poller = Poller(
            api: api, store: store, configuration: configuration, clock: clock, wake: wake, logger: logger)
        let sender = OutboxSender(
            api: api, store: store, templates: templates, configuration: configuration, clock: clock, wake: senderWake,
            logger: logger)
        let scheduler = Scheduler(
            store: store, templates: templates, configuration: configuration, clock: clock, wake: schedulerWake,
            outbox: senderWake, logger: logger)
        return ServiceGroup(
            configuration: .init(
                services: [
                    // The sender is listed first so it stops last: replies the poller queued still go out.
                    .init(service: sender),
                    // The poller ends by itself only for a stop that came before the group took over the signals.
                    .init(service: poller, successTerminationBehavior: .gracefullyShutdownGroup),
                    .init(service: scheduler),
                    .init(service: ShutdownGuard(store: store)),
                    .init(service: HangupLogger(logger: logger)),
                ],
                gracefulShutdownSignals: gracefulShutdownSignals,
                logger: logger))
    }
}

extension SenaniApplication {
    /// Says where the install key is; refuses to run with a key the database was not used with (pseudonyms
    /// would change and sealed chats could not be read).
    static func checkKey(_ store: Store, logger: Logger) throws {
        if store.key.created {
            logger.notice(
                "created the install key; keep it apart from database backups (whoever has both can name informants)",
                metadata: ["key_file": "\(store.key.path)"])
        }
        guard store.keyMatchesDatabase else {
            throw KeyMismatch(path: store.key.path, missing: store.key.ephemeral)
        }
    }
}

/// The database was used with another install key than the one found.
public struct KeyMismatch: Error, CustomStringConvertible {
    public var path: String
    public var missing: Bool

    public var description: String {
        (missing ? "the install key file \(path) is missing" : "the install key file \(path) is not this database's key")
            + "; set SENANI_KEY_FILE or --key-file to the key this database was used with (kept apart from backups)"
    }
}

/// On shutdown, makes every wait for a database lock give up, so a lock held elsewhere cannot hold the process.
struct ShutdownGuard: Service {
    let store: Store

    func run() async throws {
        try? await gracefulShutdown()
        store.interruptWaits()
    }
}

/// SIGHUP (sent by terminals and some tools) is ignored, with a line in the log saying so.
struct HangupLogger: Service {
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            logger.notice("SIGHUP ignored: senani has nothing to reload; restart it to apply new settings")
        }
    }
}
