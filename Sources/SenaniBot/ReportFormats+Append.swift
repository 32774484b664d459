import Foundation
import SenaniStore

/// The export's rows written as UTF-8 bytes appended to one reused buffer: `reports export` writes a million of
/// them, so no per-cell strings, arrays or joins, and text without anything to escape is copied whole.
extension ReportFormats {
    /// `"ref": ` and the rest, made once.
    private static let jsonKeys = columns.enumerated().map { index, key in
        Array(((index == 0 ? "{" : ", ") + "\"\(key)\": ").utf8)
    }

    /// One JSON object, keys in `columns` order, absent values as `null`.
    public static func appendJSON(_ report: Report, to out: inout [UInt8]) {
        for (index, value) in values(report).enumerated() {
            out.append(contentsOf: jsonKeys[index])
            switch value {
            case .string(let text):
                if let text { JSONText.appendString(text, to: &out) } else { out.append(contentsOf: "null".utf8) }
            case .int(let number): out.append(contentsOf: (number.map(String.init) ?? "null").utf8)
            case .number(let number): out.append(contentsOf: (number.isFinite ? String(number) : "null").utf8)
            case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list(let items):
                out.append(UInt8(ascii: "["))
                for (n, item) in items.enumerated() {
                    if n > 0 { out.append(contentsOf: ", ".utf8) }
                    JSONText.appendString(item, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            case .location(let point):
                let text = point.map { "{\"latitude\": \($0.latitude), \"longitude\": \($0.longitude)}" } ?? "null"
                out.append(contentsOf: text.utf8)
            case .media(let items):
                out.append(UInt8(ascii: "["))
                for (n, item) in items.enumerated() {
                    if n > 0 { out.append(contentsOf: ", ".utf8) }
                    out.append(contentsOf: "{\"kind\": ".utf8)
                    JSONText.appendString(item.kind, to: &out)
                    out.append(contentsOf: ", \"file_id\": ".utf8)
                    JSONText.appendString(item.fileID, to: &out)
                    out.append(UInt8(ascii: "}"))
                }
                out.append(UInt8(ascii: "]"))
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// One CSV row: RFC 4180 quoting, lists joined with `;`, no value as an empty cell.
    public static func appendCSVRow(_ report: Report, to out: inout [UInt8]) {
        for (index, value) in values(report).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            switch value {
            case .string(let text): appendCSVCell(text ?? "", to: &out)
            case .int(let number): if let number { out.append(contentsOf: String(number).utf8) }
            case .number(let number): out.append(contentsOf: String(number).utf8)
            case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list(let items):
                appendCSVCell(items.count == 1 ? items[0] : items.joined(separator: ";"), to: &out)
            case .location(let point): appendCSVCell(point.map { "\($0.latitude),\($0.longitude)" } ?? "", to: &out)
            case .media(let items): appendCSVCell(items.map { "\($0.kind):\($0.fileID)" }.joined(separator: ";"), to: &out)
            }
        }
    }

    /// RFC 4180 quoting, and a leading `'` where a spreadsheet would run the cell as a formula (`=`, `@`, a tab or
    /// CR, or `+`/`-` not followed by a plain number): Excel then shows the text instead of running it.
    static func appendCSVCell(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            var quote = false
            var quotes = false
            for byte in bytes where byte < 0x2D {
                switch byte {
                case UInt8(ascii: "\""): quotes = true
                case UInt8(ascii: ","), 0x0A, 0x0D: quote = true
                default: break
                }
            }
            quote = quote || quotes
            let formula: Bool
            switch first {
            case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: formula = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                formula = !String(decoding: bytes.dropFirst(), as: UTF8.self).allSatisfy(\.isNumber)
            default: formula = false
            }
            if quote { out.append(UInt8(ascii: "\"")) }
            if formula { out.append(UInt8(ascii: "'")) }
            if quotes {
                for byte in bytes {
                    out.append(byte)
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                }
            } else {
                out.append(contentsOf: bytes)
            }
            if quote { out.append(UInt8(ascii: "\"")) }
        }
    }
}
