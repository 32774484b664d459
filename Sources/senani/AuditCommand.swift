import ArgumentParser
import Foundation
import SenaniBot
import SenaniStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The append-only log of every officer and admin action.")

    @OptionGroup var store: StoreOptions
    @Option(help: "From this time: an IST date YYYY-MM-DD or an ISO-8601 timestamp.") var since: String?
    @Option(help: "Up to this time: an IST date YYYY-MM-DD (inclusive) or an ISO-8601 timestamp.") var until: String?
    @Option(help: "table, json or csv.") var format: String = "table"

    func run() async throws {
        guard ["table", "json", "csv"].contains(format) else {
            throw CLIError.usage("--format must be table, json or csv, not \"\(format)\"")
        }
        let from = try since.map { try ISTDate.parse($0, flag: "--since") }
        let to = try until.map { try ISTDate.parse($0, flag: "--until", endOfDay: true) }
        let entries: [AuditEntry]
        let opened = try store.open()
        do { entries = try opened.audit(since: from, until: to) } catch { throw error.cliError }
        switch format {
        case "json": print(AuditFormats.json(entries))
        case "csv": print(AuditFormats.csv(entries))
        default: print(AuditFormats.table(entries))
        }
    }
}
