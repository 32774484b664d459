import Logging
import SenaniStore
import ServiceLifecycle
import TelegramBotAPI
import TipAnalysis
import UnixSignals

/// The running bot: the poller and the outbox sender in one service group that stops gracefully on SIGTERM/SIGINT.
public enum SenaniApplication {
    /// Opens the store, loads the templates and wires the services. Fails before anything runs when the
    /// database or the templates are unusable.
    public static func build(
        configuration: SenaniConfiguration, transport: any BotAPITransport, logger: Logger,
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint]
    ) async throws -> ServiceGroup {
        let store = try Store(path: configuration.databasePath)
        let templates = try await MessageTemplates(directory: configuration.templatesDirectory)
        let api = BotAPI(
            configuration: BotAPIConfiguration(baseURL: configuration.apiURL, token: configuration.token),
            transport: transport, logger: logger)
        let wake = WakeSignal()
        let poller = Poller(
            api: api, store: store, handler: UpdateHandler(analyzer: TipAnalyzer()), configuration: configuration,
            wake: wake, logger: logger)
        let sender = OutboxSender(
            api: api, store: store, templates: templates, configuration: configuration, wake: wake, logger: logger)
        return ServiceGroup(
            configuration: .init(
                services: [
                    // The sender is listed first so it stops last: replies the poller queued still go out.
                    .init(service: sender),
                    .init(service: poller),
                ],
                gracefulShutdownSignals: gracefulShutdownSignals,
                logger: logger))
    }
}
