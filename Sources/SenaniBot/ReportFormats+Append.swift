import Foundation
import SenaniStore

/// The export's rows written by appending to one reused string: `reports export` writes a million of them, so
/// no per-cell arrays or joins, and text without anything to escape is copied whole.
extension ReportFormats {
    /// `"ref": ` and the rest, made once.
    private static let jsonKeys = columns.enumerated().map { index, key in (index == 0 ? "{" : ", ") + "\"\(key)\": " }

    /// One JSON object, keys in `columns` order, absent values as `null`.
    public static func appendJSON(_ report: Report, to out: inout String) {
        for (index, value) in values(report).enumerated() {
            out += jsonKeys[index]
            switch value {
            case .string(let text):
                if let text { appendJSONString(text, to: &out) } else { out += "null" }
            case .int(let number): out += number.map(String.init) ?? "null"
            case .number(let number): out += number.isFinite ? String(number) : "null"
            case .bool(let flag): out += flag ? "true" : "false"
            case .list(let items):
                out += "["
                for (n, item) in items.enumerated() {
                    if n > 0 { out += ", " }
                    appendJSONString(item, to: &out)
                }
                out += "]"
            case .location(let point):
                out += point.map { "{\"latitude\": \($0.latitude), \"longitude\": \($0.longitude)}" } ?? "null"
            case .media(let items):
                out += "["
                for (n, item) in items.enumerated() {
                    if n > 0 { out += ", " }
                    out += "{\"kind\": "
                    appendJSONString(item.kind, to: &out)
                    out += ", \"file_id\": "
                    appendJSONString(item.fileID, to: &out)
                    out += "}"
                }
                out += "]"
            }
        }
        out += "}"
    }

    /// One CSV row: RFC 4180 quoting, lists joined with `;`, no value as an empty cell.
    public static func appendCSVRow(_ report: Report, to out: inout String) {
        for (index, value) in values(report).enumerated() {
            if index > 0 { out += "," }
            switch value {
            case .string(let text): appendCSVCell(text ?? "", to: &out)
            case .int(let number): if let number { out += String(number) }
            case .number(let number): out += String(number)
            case .bool(let flag): out += flag ? "true" : "false"
            case .list(let items):
                appendCSVCell(items.count == 1 ? items[0] : items.joined(separator: ";"), to: &out)
            case .location(let point): appendCSVCell(point.map { "\($0.latitude),\($0.longitude)" } ?? "", to: &out)
            case .media(let items): appendCSVCell(items.map { "\($0.kind):\($0.fileID)" }.joined(separator: ";"), to: &out)
            }
        }
    }

    /// RFC 4180 quoting, and a leading `'` where a spreadsheet would run the cell as a formula (`=`, `@`, a tab or
    /// CR, or `+`/`-` not followed by a plain number): Excel then shows the text instead of running it.
    static func appendCSVCell(_ value: String, to out: inout String) {
        var value = value
        let (first, quote, quotes) = value.withUTF8 { bytes -> (UInt8?, Bool, Bool) in
            var quote = false
            var quotes = false
            for byte in bytes where byte < 0x2D {
                switch byte {
                case UInt8(ascii: "\""): quotes = true
                case UInt8(ascii: ","), 0x0A, 0x0D: quote = true
                default: break
                }
            }
            return (bytes.first, quote || quotes, quotes)
        }
        guard let first else { return }
        let formula: Bool
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: formula = true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): formula = !value.dropFirst().allSatisfy(\.isNumber)
        default: formula = false
        }
        if quote { out += "\"" }
        if formula { out += "'" }
        out += quotes ? value.replacingOccurrences(of: "\"", with: "\"\"") : value
        if quote { out += "\"" }
    }

    /// A JSON string literal; text with nothing to escape (most) is appended whole.
    static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        var plain = true
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            // Quote, backslash, controls, and U+2028/U+2029 (E2 80 A8/A9), which some JavaScript readers choke on.
            let separator = (byte == 0xA8 || byte == 0xA9) && previous.0 == 0xE2 && previous.1 == 0x80
            if byte == 0x22 || byte == 0x5C || byte < 0x20 || separator {
                plain = false
                break
            }
            previous = (previous.1, byte)
        }
        if plain {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
