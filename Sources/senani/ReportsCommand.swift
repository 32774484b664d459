import ArgumentParser
import Foundation
import SenaniBot
import SenaniStore
import TipAnalysis

struct ReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports", abstract: "List, show and export queued reports.",
        subcommands: [List.self, Show.self, Export.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One report with its whole history.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The report's reference, e.g. KHG-SADAR-000123.") var ref: String
        @Option(help: "text or json.") var format: String = "text"

        func run() async throws {
            guard ["text", "json"].contains(format) else {
                throw CLIError.usage("--format must be text or json, not \"\(format)\"")
            }
            let opened = try store.open()
            let report: Report?
            let history: [AuditEntry]
            do {
                report = try opened.report(ref: ref.uppercased())
                history = try opened.audit(ref: ref.uppercased())
            } catch { throw error.cliError }
            guard let report else { throw CLIError.runtime("no report \(ref)") }
            if format == "json" {
                let json = ReportFormats.json(report)
                print(String(json.dropLast()) + ", \"history\": " + AuditFormats.json(history) + "}")
            } else {
                print(ReportFormats.detail(report))
                print("\nhistory:")
                print(AuditFormats.table(history))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List reports, oldest first.")

        @OptionGroup var store: StoreOptions
        @Option(help: "Only this thana.") var thana: String?
        @Option(help: "Only this district.") var district: String?
        @Option(help: "new, acknowledged or closed.") var status: String?
        @Option(help: "liquor, wanted_criminal, election_disturbance or other.") var category: String?
        @Option(help: "table, json or csv.") var format: String = "table"

        func run() async throws {
            var filter = ReportFilter(thanaCode: thana, districtCode: district)
            if let status {
                guard let value = ReportStatus(rawValue: status) else {
                    throw CLIError.usage("--status must be new, acknowledged or closed, not \"\(status)\"")
                }
                filter.status = value
            }
            if let category {
                guard let value = TipCategory(rawValue: category), value != .none else {
                    throw CLIError.usage(
                        "--category must be liquor, wanted_criminal, election_disturbance or other, not \"\(category)\"")
                }
                filter.category = value
            }
            guard ["table", "json", "csv"].contains(format) else {
                throw CLIError.usage("--format must be table, json or csv, not \"\(format)\"")
            }
            let reports: [Report]
            do { reports = try store.open().reports(filter) } catch let error as StoreError { throw error.cliError }
            switch format {
            case "json": print(ReportFormats.jsonArray(reports))
            case "csv": print(([ReportFormats.csvHeader()] + reports.map(ReportFormats.csvRow)).joined(separator: "\n"))
            default: print(ReportFormats.table(reports))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every report to stdout, as JSON lines or CSV.")

        @OptionGroup var store: StoreOptions
        @Option(help: "jsonl or csv.") var format: String
        @Option(help: "From this time: an IST date YYYY-MM-DD (from its start) or an ISO-8601 timestamp.") var since: String?
        @Option(help: "Up to this time: an IST date YYYY-MM-DD (to its end, inclusive) or an ISO-8601 timestamp.") var until: String?

        func run() async throws {
            guard ["jsonl", "csv"].contains(format) else {
                throw CLIError.usage("--format must be jsonl or csv, not \"\(format)\"")
            }
            let filter = ReportFilter(
                since: try since.map { try ISTDate.parse($0, flag: "--since") },
                until: try until.map { try ISTDate.parse($0, flag: "--until", endOfDay: true) })
            let opened = try store.open()
            let shape: ReportExport.Format = format == "csv" ? .csv : .jsonl
            do {
                // A cursor over one snapshot, written in chunks: constant memory for a million reports.
                _ = try await OwnThread.run { try ReportExport.run(store: opened, filter: filter, format: shape) }
            } catch let error as StoreError {
                throw error.cliError
            } catch {
                throw CLIError.runtime("\(error)")
            }
        }
    }
}

/// Times typed by an operator: full ISO 8601, or a bare `YYYY-MM-DD` meaning that IST day's start (or its end,
/// for an upper bound: `--until 2026-11-24` includes the 24th).
enum ISTDate {
    static func parse(_ text: String, flag: String, endOfDay: Bool = false) throws -> Date {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        // A timestamp without a zone is read as IST, like a bare date.
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = ReportFormats.ist
        local.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        if let date = local.date(from: text) { return date }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = ReportFormats.ist
        day.dateFormat = "yyyy-MM-dd"
        if let date = day.date(from: text) { return endOfDay ? date.addingTimeInterval(24 * 3600) : date }
        throw CLIError.usage("\(flag) must be a date like 2026-11-24 or 2026-11-24T09:00:00+05:30, not \"\(text)\"")
    }
}
