import ArgumentParser
import Foundation
import SenaniBot
import SenaniStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a Telegram Desktop chat export (result.json) as past tips of a thana; safe to repeat.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The thana the group belongs to, e.g. KHG-GOGRI.") var thana: String
    @Argument(help: "The export's result.json (Telegram Desktop: Export chat history, format JSON).") var file: String

    func run() async throws {
        let opened = try store.open()
        let bar = ProgressBar.forStandardOutput()
        let path = file
        let code = thana.uppercased()
        let summary: ImportSummary
        do {
            summary = try await OwnThread.run {
                try ChatImport.run(path: path, thana: code, store: opened, at: Date()) { bar?.show($0) }
            }
        } catch {
            bar?.clear()
            throw CLIError.runtime("\(error)")
        }
        bar?.clear()
        print(summary.lines.joined(separator: "\n"))
    }
}

/// Blocking work (file reads, one long SQLite transaction) on a thread of its own, never the cooperative pool.
enum OwnThread {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
