extension String {
    /// Whether the string has at least two Unicode scalars (`unicodeScalars.count >= 2` without counting them all):
    /// a second lead byte in the UTF-8 means a second scalar.
    var hasTwoScalars: Bool {
        var leads = 0
        for b in utf8 where b & 0xC0 != 0x80 {
            leads += 1
            if leads == 2 { return true }
        }
        return false
    }
}

/// Building Strings from scalars through their UTF-8 bytes. `String(String.UnicodeScalarView(slice))` appends one
/// scalar at a time through a slow generic path; encoding the bytes once is several times faster, and a result of up
/// to 15 bytes is a small string that allocates nothing.
enum UTF8Bytes {
    /// Appends the UTF-8 encoding of `s` to `out`.
    @inline(__always)
    static func append(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// The string of `scalars`, encoded straight into the new string's storage.
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var n = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    out[n] = UInt8(v)
                    n += 1
                } else if v < 0x800 {
                    out[n] = UInt8(0xC0 | (v >> 6))
                    out[n + 1] = UInt8(0x80 | (v & 0x3F))
                    n += 2
                } else if v < 0x10000 {
                    out[n] = UInt8(0xE0 | (v >> 12))
                    out[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[n + 2] = UInt8(0x80 | (v & 0x3F))
                    n += 3
                } else {
                    out[n] = UInt8(0xF0 | (v >> 18))
                    out[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    out[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[n + 3] = UInt8(0x80 | (v & 0x3F))
                    n += 4
                }
            }
            return n
        }
    }
}
