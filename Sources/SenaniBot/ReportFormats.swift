import Foundation
import SenaniStore

/// The shapes reports leave Senani in: JSON lines, CSV with a header row, and a table for a terminal.
/// None of them carries the informant's Telegram id, name or username, only his pseudonym.
public enum ReportFormats {
    /// The export's keys, in INTERFACE.md's order, then the extracted fields INTERFACE.md leaves to us.
    public static let columns = [
        "ref", "thana", "district", "category", "labels", "confidence", "status", "text", "received_at", "reporter",
        "source", "chat_id", "message_id", "phones", "vehicles", "places", "quantities", "duplicate_of", "repeat_count",
        "acknowledged_by", "acknowledged_at", "closed_at", "outcome", "resolution", "transferred_from", "needs_review",
        "location", "media", "times", "persons", "booths", "language",
    ]

    /// One value of an export row, before it is written as JSON or CSV.
    enum Value {
        case string(String?)
        case int(Int64?)
        case number(Double)
        case bool(Bool)
        case list([String])
        case location(GeoPoint?)
        case media([MediaRef])
    }

    static func values(_ report: Report) -> [Value] {
        // A private chat's id is the informant's Telegram id: it never leaves the bot.
        let isPrivate = report.source == "private"
        return [
            .string(report.ref), .string(report.thanaCode), .string(report.districtCode), .string(report.category.rawValue),
            .list(report.labels.map(\.rawValue)), .number((report.confidence * 100).rounded() / 100),
            .string(report.status.rawValue), .string(report.text), .string(istTimestamp(report.receivedAt)),
            .string(report.reporter), .string(report.source), .int(isPrivate ? nil : report.chatID),
            .int(isPrivate ? nil : report.messageID), .list(report.phones), .list(report.vehicles), .list(report.places),
            .list(report.quantities), .string(report.duplicateOf), .int(Int64(report.repeatCount)),
            .string(report.acknowledgedBy), .string(report.acknowledgedAt.map(istTimestamp)),
            .string(report.closedAt.map(istTimestamp)), .string(report.outcome?.rawValue), .string(report.resolution),
            .string(report.transferredFrom), .bool(report.needsReview), .location(report.location), .media(report.media),
            .list(report.times), .list(report.persons), .list(report.booths), .string(report.language?.rawValue),
        ]
    }

    /// One JSON object, keys in `columns` order, absent values as `null`.
    public static func json(_ report: Report) -> String {
        var out: [UInt8] = []
        appendJSON(report, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func jsonArray(_ reports: [Report]) -> String {
        "[" + reports.map(json).joined(separator: ",\n") + "]"
    }

    /// The byte-order mark that makes Excel read the CSV as UTF-8 (Devanagari), then the header row.
    public static func csvHeader() -> String {
        "\u{FEFF}" + columns.joined(separator: ",")
    }

    /// One CSV row: RFC 4180 quoting, lists joined with `;`, no value as an empty cell.
    public static func csvRow(_ report: Report) -> String {
        var out: [UInt8] = []
        appendCSVRow(report, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A fixed-width table for `senani reports list`.
    public static func table(_ reports: [Report]) -> String {
        var lines = [pad("REF", 20) + pad("CATEGORY", 22) + pad("STATUS", 14) + pad("RECEIVED (IST)", 19) + "REP  TEXT"]
        for report in reports {
            let received = String(istTimestamp(report.receivedAt).prefix(16)).replacingOccurrences(of: "T", with: " ")
            let text = report.text.split(whereSeparator: \.isNewline).joined(separator: " ")
            lines.append(
                pad(report.ref, 20) + pad(report.category.rawValue, 22) + pad(report.status.rawValue, 14)
                    + pad(received, 19) + pad(String(report.repeatCount), 5)
                    + (text.count > 60 ? String(text.prefix(59)) + "…" : text))
        }
        lines.append("\(reports.count) report\(reports.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    /// `2026-11-24T09:15:02+05:30`: people read IST. Plain arithmetic (IST is UTC+05:30 all year, no summer time):
    /// an export writes three of these per report, and Calendar made them a third of its time.
    public static func istTimestamp(_ date: Date) -> String {
        let c = IST.Civil(date)
        var out: [UInt8] = []
        out.reserveCapacity(25)
        IST.append(c.year, 4, to: &out)
        out.append(UInt8(ascii: "-"))
        IST.append(c.month, 2, to: &out)
        out.append(UInt8(ascii: "-"))
        IST.append(c.day, 2, to: &out)
        out.append(UInt8(ascii: "T"))
        IST.append(c.hour, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        IST.append(c.minute, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        IST.append(c.second, 2, to: &out)
        out.append(contentsOf: "+05:30".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    public static let ist = IST.zone

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// RFC 4180 quoting, and a leading `'` where a spreadsheet would run the cell as a formula.
    static func csvCell(_ value: String) -> String {
        var out: [UInt8] = []
        appendCSVCell(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension ReportFormats {
    /// One report for a terminal, field by field.
    public static func detail(_ report: Report) -> String {
        zip(columns, values(report)).map { key, value -> String in
            let shown: String =
                switch value {
                case .string(let text): text ?? "–"
                case .int(let number): number.map(String.init) ?? "–"
                case .number(let number): String(number)
                case .bool(let flag): flag ? "yes" : "no"
                case .list(let items): items.isEmpty ? "–" : items.joined(separator: ", ")
                case .location(let point): point.map { "\($0.latitude),\($0.longitude)" } ?? "–"
                case .media(let items): items.isEmpty ? "–" : items.map { "\($0.kind):\($0.fileID)" }.joined(separator: ", ")
                }
            return pad(key + ":", 18) + shown
        }.joined(separator: "\n")
    }
}
