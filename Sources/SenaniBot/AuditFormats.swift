import Foundation
import SenaniStore

/// The audit log as a table, JSON or CSV. It names officers (who acted), never informants.
public enum AuditFormats {
    public static let columns = ["at", "actor_id", "actor", "role", "action", "ref", "before", "after", "detail"]

    static func cells(_ entry: AuditEntry) -> [String?] {
        [
            ReportFormats.istTimestamp(entry.at), entry.actorID.map(String.init), entry.actor, entry.role, entry.action,
            entry.ref, entry.before, entry.after, entry.detail,
        ]
    }

    public static func json(_ entries: [AuditEntry]) -> String {
        "[" + entries.map { entry in
            "{" + zip(columns, cells(entry)).map { key, value in
                "\"\(key)\": " + (key == "actor_id" ? (value ?? "null") : value.map(JSONText.string) ?? "null")
            }.joined(separator: ", ") + "}"
        }.joined(separator: ",\n") + "]"
    }

    public static func csv(_ entries: [AuditEntry]) -> String {
        ([ "\u{FEFF}" + columns.joined(separator: ",")]
            + entries.map { cells($0).map { ReportFormats.csvCell($0 ?? "") }.joined(separator: ",") })
            .joined(separator: "\r\n")
    }

    /// `2026-11-24 09:40  R. Kumar (sho)  acknowledge  KHG-SADAR-000123  new → acknowledged`.
    public static func table(_ entries: [AuditEntry]) -> String {
        var lines = [
            ReportFormats.pad("AT (IST)", 17) + ReportFormats.pad("WHO", 24) + ReportFormats.pad("ACTION", 18)
                + ReportFormats.pad("REF", 20) + "CHANGE"
        ]
        for entry in entries {
            let when = String(ReportFormats.istTimestamp(entry.at).prefix(16)).replacingOccurrences(of: "T", with: " ")
            let who = entry.actor + (entry.role.map { " (\($0))" } ?? "")
            var change = entry.before != nil || entry.after != nil ? "\(entry.before ?? "–") → \(entry.after ?? "–")" : ""
            if let detail = entry.detail { change += (change.isEmpty ? "" : "  ") + detail }
            lines.append(
                ReportFormats.pad(when, 17) + ReportFormats.pad(who, 24) + ReportFormats.pad(entry.action, 18)
                    + ReportFormats.pad(entry.ref ?? "", 20) + change)
        }
        lines.append("\(entries.count) entr\(entries.count == 1 ? "y" : "ies")")
        return lines.joined(separator: "\n")
    }
}
