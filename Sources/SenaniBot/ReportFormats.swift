import Foundation
import SenaniStore

/// The shapes reports leave Senani in: JSON lines, CSV with a header row, and a table for a terminal.
/// None of them carries the informant's Telegram id, name or username, only his pseudonym.
public enum ReportFormats {
    /// One JSON object, keys as in INTERFACE.md, absent values as `null`.
    public static func json(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(ExportedReport(report))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public static func jsonArray(_ reports: [Report]) -> String {
        "[" + reports.map(json).joined(separator: ",\n") + "]"
    }

    public static let csvColumns = [
        "ref", "thana", "district", "category", "labels", "confidence", "status", "text", "received_at", "reporter",
        "chat_id", "message_id", "phones", "vehicles", "places", "quantities", "duplicate_of", "repeat_count",
        "acknowledged_by", "acknowledged_at", "closed_at", "resolution", "location", "media",
    ]

    public static func csvHeader() -> String {
        csvColumns.joined(separator: ",")
    }

    public static func csvRow(_ report: Report) -> String {
        let cells: [String] = [
            report.ref, report.thanaCode, report.districtCode, report.category.rawValue,
            report.labels.map(\.rawValue).joined(separator: ";"), String(format: "%.2f", report.confidence),
            report.status.rawValue, report.text, istTimestamp(report.receivedAt), report.reporter, String(report.chatID),
            String(report.messageID), report.phones.joined(separator: ";"), report.vehicles.joined(separator: ";"),
            report.places.joined(separator: ";"), report.quantities.joined(separator: ";"), report.duplicateOf ?? "",
            String(report.repeatCount), report.acknowledgedBy ?? "", report.acknowledgedAt.map(istTimestamp) ?? "",
            report.closedAt.map(istTimestamp) ?? "", report.resolution ?? "",
            report.location.map { "\($0.latitude),\($0.longitude)" } ?? "",
            report.media.map { "\($0.kind):\($0.fileID)" }.joined(separator: ";"),
        ]
        return cells.map(csvCell).joined(separator: ",")
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

    /// `2026-11-24T09:15:02+05:30`: people read IST.
    public static func istTimestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ist
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d+05:30", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0, c.second ?? 0)
    }

    public static let ist = TimeZone(identifier: "Asia/Kolkata") ?? TimeZone(secondsFromGMT: 19800)!

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// RFC 4180 quoting, and a leading `'` where a spreadsheet would run the cell as a formula.
    static func csvCell(_ value: String) -> String {
        var value = value
        if let first = value.first, "=@\t\r".contains(first) || ("+-".contains(first) && !value.dropFirst().allSatisfy(\.isNumber)) {
            value = "'" + value
        }
        guard value.contains(where: { ",\"\n\r".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A report in the export's JSON shape.
struct ExportedReport: Encodable {
    let report: Report

    init(_ report: Report) {
        self.report = report
    }

    enum Keys: String, CodingKey {
        case ref, thana, district, category, labels, confidence, status, text, received_at, reporter, chat_id
        case message_id, phones, vehicles, places, quantities, times, persons, booths, language, duplicate_of
        case repeat_count, acknowledged_by, acknowledged_at, closed_at, resolution, location, media
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(report.ref, forKey: .ref)
        try c.encode(report.thanaCode, forKey: .thana)
        try c.encode(report.districtCode, forKey: .district)
        try c.encode(report.category.rawValue, forKey: .category)
        try c.encode(report.labels.map(\.rawValue), forKey: .labels)
        try c.encode((report.confidence * 100).rounded() / 100, forKey: .confidence)
        try c.encode(report.status.rawValue, forKey: .status)
        try c.encode(report.text, forKey: .text)
        try c.encode(ReportFormats.istTimestamp(report.receivedAt), forKey: .received_at)
        try c.encode(report.reporter, forKey: .reporter)
        try c.encode(report.chatID, forKey: .chat_id)
        try c.encode(report.messageID, forKey: .message_id)
        try c.encode(report.phones, forKey: .phones)
        try c.encode(report.vehicles, forKey: .vehicles)
        try c.encode(report.places, forKey: .places)
        try c.encode(report.quantities, forKey: .quantities)
        try c.encode(report.times, forKey: .times)
        try c.encode(report.persons, forKey: .persons)
        try c.encode(report.booths, forKey: .booths)
        try c.encode(report.language?.rawValue, forKey: .language)
        try c.encode(report.duplicateOf, forKey: .duplicate_of)
        try c.encode(report.repeatCount, forKey: .repeat_count)
        try c.encode(report.acknowledgedBy, forKey: .acknowledged_by)
        try c.encode(report.acknowledgedAt.map(ReportFormats.istTimestamp), forKey: .acknowledged_at)
        try c.encode(report.closedAt.map(ReportFormats.istTimestamp), forKey: .closed_at)
        try c.encode(report.resolution, forKey: .resolution)
        try c.encode(report.location, forKey: .location)
        try c.encode(report.media, forKey: .media)
    }
}
