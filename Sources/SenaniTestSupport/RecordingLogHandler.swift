import Logging
import Synchronization

/// Keeps every log line in memory so a test can assert what was (and was not) logged.
public struct RecordingLogHandler: LogHandler {
    /// The lines logged through every handler made from one recorder.
    public final class Recorder: Sendable {
        private let lines = Mutex<[String]>([])

        public init() {}

        public var all: [String] { lines.withLock { $0 } }

        public func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }

        func append(_ line: String) { lines.withLock { $0.append(line) } }

        /// A logger at `level` that records here.
        public func logger(level: Logger.Level = .trace) -> Logger {
            var logger = Logger(label: "test") { _ in RecordingLogHandler(recorder: self) }
            logger.logLevel = level
            return logger
        }
    }

    let recorder: Recorder
    public var logLevel: Logger.Level = .trace
    public var metadata: Logger.Metadata = [:]

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        recorder.append("\(event.level) \(event.message) \(rendered)")
    }
}
