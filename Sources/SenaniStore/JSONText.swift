/// JSON string literals written as UTF-8 bytes: the store's list and parameter columns on the intake path and
/// `reports export` both write millions of them. Text with nothing to escape (most) is copied whole; otherwise runs
/// of plain bytes are copied between the escapes.
public enum JSONText {
    /// Appends `text` as a JSON string literal, quotes included. Controls, quote, backslash and U+2028/U+2029 (which
    /// some JavaScript readers choke on) are escaped.
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            guard mayNeedEscape(bytes) else {
                out.append(contentsOf: bytes)
                return
            }
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var width = 1
                var escape: StaticString? = nil
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: break
                }
                if escape != nil || byte < 0x20 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    if let escape {
                        escape.withUTF8Buffer { out.append(contentsOf: $0) }
                    } else {
                        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex(byte >> 4), hex(byte & 0x0F)])
                    }
                    run = index + width
                }
                index += width
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal.
    public static func string(_ text: String) -> String {
        var out: [UInt8] = []
        appendString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Whether any byte is a control, a quote, a backslash or 0xE2 (the lead byte of U+2028/U+2029), eight bytes at
    /// a time.
    static func mayNeedEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        @inline(__always) func flagged(_ w: UInt64) -> Bool {
            hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C)) || hasZero(w ^ (ones &* 0xE2))
                || (w &- ones &* 0x20) & ~w & highs != 0
        }
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
        var offset = 0
        while offset + 8 <= bytes.count {
            if flagged(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return true }
            offset += 1
        }
        return false
    }
}
