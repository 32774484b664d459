import Foundation
import SenaniStore

/// `senani officer list`: who is registered, for what, and whether the bot can write to him.
public enum OfficerFormats {
    static func reach(_ officer: Officer) -> String {
        switch officer.reachable {
        case true?: "yes"
        case false?: "no (has not pressed Start, or blocked the bot)"
        case nil: "not yet tried"
        }
    }

    public static func table(_ officers: [Officer]) -> String {
        var lines = [
            ReportFormats.pad("TELEGRAM ID", 14) + ReportFormats.pad("ROLE", 7) + ReportFormats.pad("SCOPE", 18)
                + ReportFormats.pad("NAME", 26) + "REACHABLE"
        ]
        for officer in officers {
            let scope = officer.role == .admin ? "all" : (officer.thanaCode ?? officer.districtCode ?? "")
            lines.append(
                ReportFormats.pad(String(officer.telegramID), 14) + ReportFormats.pad(officer.role.rawValue, 7)
                    + ReportFormats.pad(scope, 18) + ReportFormats.pad(officer.name, 26) + reach(officer))
        }
        lines.append("\(officers.count) officer\(officers.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    public static func json(_ officers: [Officer]) -> String {
        "[" + officers.map { officer in
            let fields: [String] = [
                "\"telegram_id\": \(officer.telegramID)", "\"role\": \(JSONText.string(officer.role.rawValue))",
                "\"thana\": \(officer.thanaCode.map(JSONText.string) ?? "null")",
                "\"district\": \(officer.districtCode.map(JSONText.string) ?? "null")",
                "\"name\": \(JSONText.string(officer.name))",
                "\"reachable\": \(officer.reachable.map { $0 ? "true" : "false" } ?? "null")",
            ]
            return "{" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",\n") + "]"
    }
}
