import Foundation

extension JSONList {
    /// A JSON array of strings, read directly: `reports export` reads ten lists per report, a million reports, and
    /// JSONDecoder made that the slowest step. Anything this reader does not expect goes to JSONDecoder instead.
    static func strings(_ text: String?) -> [String] {
        guard var text else { return [] }
        return text.withUTF8 { bytes in
            if bytes.count == 2 && bytes[0] == UInt8(ascii: "[") && bytes[1] == UInt8(ascii: "]") { return [] }
            return parseStrings(bytes) ?? decode(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Lists of objects (media): empty almost always, so only a non-empty one pays for JSONDecoder.
    static func objects<T: Decodable>(_ text: String?) -> [T] {
        guard let text, text != "[]" else { return [] }
        return decode(text)
    }

    private static func parseStrings(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var index = 0
        let end = bytes.count
        func skipSpace() {
            while index < end, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }
        skipSpace()
        guard index < end, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        var values: [String] = []
        skipSpace()
        if index < end, bytes[index] == UInt8(ascii: "]") { return [] }
        while true {
            skipSpace()
            guard index < end, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            var escaped = false
            while index < end, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") {
                    escaped = true
                    index += 1
                }
                index += 1
            }
            guard index < end else { return nil }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if escaped {
                guard let value = unescape(raw) else { return nil }
                values.append(value)
            } else {
                values.append(String(decoding: raw, as: UTF8.self))
            }
            index += 1
            skipSpace()
            guard index < end else { return nil }
            if bytes[index] == UInt8(ascii: "]") { break }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        index += 1
        skipSpace()
        return index == end ? values : nil
    }

    /// The escapes `encode` writes; nil (JSONDecoder decides) for `\u` and anything rarer.
    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            guard index + 1 < raw.count else { return nil }
            switch raw[index + 1] {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            default: return nil
            }
            index += 2
        }
        return String(decoding: out, as: UTF8.self)
    }
}
