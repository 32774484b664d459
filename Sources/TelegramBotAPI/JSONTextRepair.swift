/// Makes JSON text that `JSONDecoder` refuses only because of broken characters decodable, so an informant's
/// message with one bad character is kept (with U+FFFD in its place) instead of lost.
///
/// Repairs: invalid UTF-8 byte sequences; `\uD800`–`\uDFFF` escapes that do not form a high+low surrogate pair;
/// raw control characters inside strings (JSON requires them escaped). Used only after a decode failed, so the
/// common path pays nothing.
enum JSONTextRepair {
    /// The repaired text, or nil when there was nothing to repair (the failure has another cause).
    static func repaired(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        var changed = false
        var text = Array(bytes)
        // Swift's UTF-8 decoding replaces each maximal invalid subsequence with U+FFFD, as Unicode recommends.
        let decoded = String(decoding: text, as: UTF8.self)
        if !decoded.utf8.elementsEqual(text) {
            text = Array(decoded.utf8)
            changed = true
        }
        if let escaped = repairedStrings(text) {
            text = escaped
            changed = true
        }
        return changed ? text : nil
    }

    /// Replaces lone surrogate escapes with `\uFFFD` and escapes raw control characters, inside strings only;
    /// nil when nothing changed.
    private static func repairedStrings(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var changed = false
        var inString = false
        var index = 0
        let replacement = Array(#"\uFFFD"#.utf8)
        while index < bytes.count {
            let byte = bytes[index]
            guard inString else {
                if byte == UInt8(ascii: "\"") { inString = true }
                output.append(byte)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = false
                output.append(byte)
                index += 1
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else {
                    output.append(byte)
                    index += 1
                    continue
                }
                guard bytes[index + 1] == UInt8(ascii: "u"), let unit = hex4(bytes, at: index + 2) else {
                    // Any other escape is two bytes; copying both keeps `\\u` from being read as an escape.
                    output.append(byte)
                    output.append(bytes[index + 1])
                    index += 2
                    continue
                }
                switch unit {
                case 0xD800...0xDBFF:
                    if index + 11 < bytes.count, bytes[index + 6] == UInt8(ascii: "\\"),
                        bytes[index + 7] == UInt8(ascii: "u"), let low = hex4(bytes, at: index + 8),
                        (0xDC00...0xDFFF).contains(low)
                    {
                        output.append(contentsOf: bytes[index..<(index + 12)])
                        index += 12
                    } else {
                        output.append(contentsOf: replacement)
                        index += 6
                        changed = true
                    }
                case 0xDC00...0xDFFF:
                    output.append(contentsOf: replacement)
                    index += 6
                    changed = true
                default:
                    output.append(contentsOf: bytes[index..<(index + 6)])
                    index += 6
                }
            case 0x00..<0x20:
                output.append(contentsOf: Array(#"\u00"#.utf8))
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
                index += 1
                changed = true
            default:
                output.append(byte)
                index += 1
            }
        }
        return changed ? output : nil
    }

    /// The value of four hex digits at `start`, or nil when they are not all there.
    private static func hex4(_ bytes: [UInt8], at start: Int) -> UInt16? {
        guard start >= 0, start + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for byte in bytes[start..<(start + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
