import Logging

extension BotAPI {
    /// A Bot API client over a new `CurlTransport` using the configuration's connect timeout.
    public init(configuration: BotAPIConfiguration, logger: Logger) {
        self.init(
            configuration: configuration, transport: CurlTransport(connectTimeout: configuration.connectTimeout),
            logger: logger)
    }
}
