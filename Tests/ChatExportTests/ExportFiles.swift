import ChatExport
import Foundation
import SenaniTestSupport

/// Files for the reader tests: the sample export in the bundle, and small exports written on the spot.
enum ExportFiles {
    static var samplePath: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("sample_result.json").path
    }

    static var sample: Data {
        FileManager.default.contents(atPath: samplePath)!
    }

    /// Every message of the file, or the error that stopped the reader.
    static func read(
        _ path: String, limits: ChatExportReader.Limits = .init()
    ) -> (chat: ExportedChat?, messages: [ExportedMessage], error: ChatExportError?) {
        var messages: [ExportedMessage] = []
        do {
            let reader = try ChatExportReader(path: path, limits: limits)
            while let message = try reader.next() { messages.append(message) }
            return (reader.chat, messages, nil)
        } catch {
            return (nil, messages, error)
        }
    }

    /// Writes `bytes` to a fresh file named `name` and reads it.
    static func read(
        bytes: Data, name: String = "result.json", limits: ChatExportReader.Limits = .init()
    ) throws -> (chat: ExportedChat?, messages: [ExportedMessage], error: ChatExportError?) {
        let folder = try TemporaryDirectory("chat-export")
        let path = folder.file(name)
        try bytes.write(to: URL(fileURLWithPath: path))
        return withExtendedLifetime(folder) { read(path, limits: limits) }
    }

    static func read(
        json: String, limits: ChatExportReader.Limits = .init()
    ) throws -> (chat: ExportedChat?, messages: [ExportedMessage], error: ChatExportError?) {
        try read(bytes: Data(json.utf8), limits: limits)
    }

    /// A one-chat export around the given message objects (JSON text, comma-separated).
    static func export(_ messages: String) -> String {
        """
        {
         "name": "Test Group",
         "type": "private_supergroup",
         "id": 1876543210,
         "messages": [\(messages)]
        }
        """
    }

    /// A plain message object with the given extra keys (JSON text after `from_id`).
    static func message(id: Int, _ extra: String = "\"text\": \"hello\"") -> String {
        """
        {"id": \(id), "type": "message", "date": "2024-03-01T10:15:02", "date_unixtime": "1709268302",
         "from": "Someone", "from_id": "user123456789", \(extra)}
        """
    }
}
