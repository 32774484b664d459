import Logging

/// Wraps a log handler so that a secret (the bot token) can never reach a log line, whatever a message or
/// its metadata happens to contain — an error string with a URL in it, say.
public struct RedactingLogHandler: LogHandler {
    private var wrapped: any LogHandler
    private let secrets: [String]

    public init(wrapping handler: any LogHandler, redacting secrets: [String]) {
        self.wrapped = handler
        self.secrets = secrets.filter { $0.count >= 6 }
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(redact(event.message.description))"
        event.metadata = event.metadata.map { $0.mapValues(redact) }
        wrapped.log(event: event)
    }

    private func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }

    private func redact(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .stringConvertible(let convertible): .string(redact(convertible.description))
        case .array(let values): .array(values.map(redact))
        case .dictionary(let values): .dictionary(values.mapValues(redact))
        }
    }
}
