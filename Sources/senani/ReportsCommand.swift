import ArgumentParser
import Foundation
import SenaniBot
import SenaniStore
import TipAnalysis

struct ReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports", abstract: "List and export queued reports.", subcommands: [List.self, Export.self])

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
        @Option(help: "From this time (ISO 8601; a bare date is the start of that IST day).") var since: String?
        @Option(help: "Before this time (ISO 8601; a bare date is the start of that IST day).") var until: String?

        func run() async throws {
            guard ["jsonl", "csv"].contains(format) else {
                throw CLIError.usage("--format must be jsonl or csv, not \"\(format)\"")
            }
            let filter = ReportFilter(since: try since.map { try ISTDate.parse($0, flag: "--since") },
                                      until: try until.map { try ISTDate.parse($0, flag: "--until") })
            let reports: [Report]
            do { reports = try store.open().reports(filter) } catch let error as StoreError { throw error.cliError }
            var out = format == "csv" ? ReportFormats.csvHeader() + "\n" : ""
            for report in reports {
                out += (format == "csv" ? ReportFormats.csvRow(report) : ReportFormats.json(report)) + "\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}

/// Times typed by an operator: full ISO 8601, or a bare `YYYY-MM-DD` meaning midnight IST.
enum ISTDate {
    static func parse(_ text: String, flag: String) throws -> Date {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = ReportFormats.ist
        day.dateFormat = "yyyy-MM-dd"
        if let date = day.date(from: text) { return date }
        throw CLIError.usage("\(flag) must be a date like 2026-11-24 or 2026-11-24T09:00:00+05:30, not \"\(text)\"")
    }
}
