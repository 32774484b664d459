/// Strings, numbers and literals.
extension JSONPullTokenizer {
    /// Reads a string whose opening quote is consumed, into `scratch` when `capture` is on. Escapes are decoded;
    /// invalid UTF-8 is left for `String(decoding:)` to replace with U+FFFD.
    mutating func scanString() throws(ChatExportError) {
        let keep = capture
        if keep { scratchCount = 0 }
        while true {
            var p = position
            let e = end
            let b = buffer
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while p + 8 <= e {
                let word = UnsafeRawPointer(b + p).loadUnaligned(as: UInt64.self)
                let quote = word ^ 0x2222_2222_2222_2222
                let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
                let found = ((quote &- 0x0101_0101_0101_0101) & ~quote)
                    | ((backslash &- 0x0101_0101_0101_0101) & ~backslash)
                    | ((word &- 0x2020_2020_2020_2020) & ~word)
                if found & 0x8080_8080_8080_8080 != 0 { break }
                p += 8
            }
            while p < e {
                let c = b[p]
                if c == 0x22 || c == 0x5C || c < 0x20 { break }
                p += 1
            }
            if keep && p > position { appendToScratch(b + position, count: p - position) }
            position = p
            if p == e {
                guard try refill() else {
                    throw error(.malformed, "the file ends inside a string (truncated?)", at: file.size)
                }
                continue
            }
            let c = b[p]
            if c == 0x22 {
                position += 1
                return
            }
            if c == 0x5C {
                position += 1
                try scanEscape()
                continue
            }
            throw error(.malformed, "unescaped control character \(Self.describe(c)) in a string")
        }
    }

    private mutating func nextByteInString() throws(ChatExportError) -> UInt8 {
        guard let byte = try peekByte() else {
            throw error(.malformed, "the file ends inside a string (truncated?)", at: file.size)
        }
        position += 1
        return byte
    }

    /// After a backslash.
    private mutating func scanEscape() throws(ChatExportError) {
        let escapeStart = offset - 1
        let c = try nextByteInString()
        guard c == UInt8(ascii: "u") else {
            try simpleEscape(c, at: escapeStart)
            return
        }
        var unit = try hex(digits: 4, escapeAt: escapeStart)
        while true {
            if unit >= 0xD800 && unit <= 0xDBFF {
                // A high surrogate is only whole with a low one in the next escape; alone it becomes U+FFFD.
                guard try peekByte() == 0x5C else {
                    appendScalar(0xFFFD)
                    return
                }
                position += 1
                let nextEscape = offset - 1
                let n = try nextByteInString()
                guard n == UInt8(ascii: "u") else {
                    appendScalar(0xFFFD)
                    try simpleEscape(n, at: nextEscape)
                    return
                }
                let low = try hex(digits: 4, escapeAt: nextEscape)
                if low >= 0xDC00 && low <= 0xDFFF {
                    appendScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    return
                }
                appendScalar(0xFFFD)
                unit = low
                continue
            }
            appendScalar(unit >= 0xDC00 && unit <= 0xDFFF ? 0xFFFD : unit)
            return
        }
    }

    private mutating func simpleEscape(_ c: UInt8, at escapeStart: Int64) throws(ChatExportError) {
        let byte: UInt8
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte = c
        case UInt8(ascii: "n"): byte = 0x0A
        case UInt8(ascii: "t"): byte = 0x09
        case UInt8(ascii: "r"): byte = 0x0D
        case UInt8(ascii: "b"): byte = 0x08
        case UInt8(ascii: "f"): byte = 0x0C
        case UInt8(ascii: "x"):
            // Not JSON, but Telegram Desktop writes other control characters (a vertical tab pasted into a
            // message) as \x0B: real exports must read.
            byte = UInt8(truncatingIfNeeded: try hex(digits: 2, escapeAt: escapeStart))
        default:
            throw error(.malformed, "unknown escape '\\\(Character(Unicode.Scalar(c)))' in a string", at: escapeStart)
        }
        if capture { appendToScratch(byte) }
    }

    private mutating func hex(digits: Int, escapeAt escapeStart: Int64) throws(ChatExportError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            let c = try nextByteInString()
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw error(.malformed, "a bad hex digit \(Self.describe(c)) in an escape", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendScalar(_ value: UInt32) {
        guard capture else { return }
        switch value {
        case 0..<0x80:
            appendToScratch(UInt8(value))
        case 0x80..<0x800:
            appendToScratch(UInt8(0xC0 | value >> 6))
            appendToScratch(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            appendToScratch(UInt8(0xE0 | value >> 12))
            appendToScratch(UInt8(0x80 | value >> 6 & 0x3F))
            appendToScratch(UInt8(0x80 | value & 0x3F))
        default:
            appendToScratch(UInt8(0xF0 | value >> 18))
            appendToScratch(UInt8(0x80 | value >> 12 & 0x3F))
            appendToScratch(UInt8(0x80 | value >> 6 & 0x3F))
            appendToScratch(UInt8(0x80 | value & 0x3F))
        }
    }

    /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? into `integer` (when whole and in range) and `number`.
    mutating func scanNumber() throws(ChatExportError) {
        numberLength = 0
        var whole = true
        var value: Int64 = 0
        var fits = true
        var negative = false
        if try peekByte() == UInt8(ascii: "-") {
            negative = true
            try takeNumberByte()
        }
        let firstDigit = try peekByte()
        guard let first = firstDigit, isDigit(first) else {
            throw error(.malformed, "expected a digit in a number, found \(describeOrEnd(firstDigit))")
        }
        if first == UInt8(ascii: "0") {
            try takeNumberByte()
        } else {
            while let c = try peekByte(), isDigit(c) {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.subtractingReportingOverflow(Int64(c - UInt8(ascii: "0")))
                if o1 || o2 { fits = false } else { value = plus }
                try takeNumberByte()
            }
        }
        if try peekByte() == UInt8(ascii: ".") {
            whole = false
            try takeNumberByte()
            try digits(after: "'.'")
        }
        if let c = try peekByte(), c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            whole = false
            try takeNumberByte()
            if let sign = try peekByte(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                try takeNumberByte()
            }
            try digits(after: "an exponent")
        }
        // Accumulated negatively so that Int64.min fits.
        if whole && fits && (negative || value != Int64.min) {
            integer = negative ? value : -value
            number = Double(integer ?? 0)
        } else {
            integer = nil
            let length = numberLength
            let text = withUnsafeBytes(of: numberText) { String(decoding: $0.prefix(length), as: UTF8.self) }
            number = Double(text) ?? .nan
        }
    }

    private mutating func digits(after what: String) throws(ChatExportError) {
        let first = try peekByte()
        guard let c = first, isDigit(c) else {
            throw error(.malformed, "expected a digit after \(what) in a number, found \(describeOrEnd(first))")
        }
        while let c = try peekByte(), isDigit(c) { try takeNumberByte() }
    }

    private mutating func takeNumberByte() throws(ChatExportError) {
        guard numberLength < 64 else { throw error(.malformed, "a number longer than 64 characters") }
        numberText[numberLength] = buffer[position]
        numberLength += 1
        position += 1
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private func describeOrEnd(_ byte: UInt8?) -> String {
        byte.map(Self.describe) ?? "the end of the file"
    }

    mutating func scanLiteral(startingWith first: UInt8) throws(ChatExportError) -> JSONToken {
        let word: StaticString
        let token: JSONToken
        switch first {
        case UInt8(ascii: "t"): (word, token) = ("true", .bool(true))
        case UInt8(ascii: "f"): (word, token) = ("false", .bool(false))
        default: (word, token) = ("null", .null)
        }
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in bytes {
            let got = try peekByte()
            guard got == expected else {
                throw error(.malformed, "expected '\(word)', found \(describeOrEnd(got))", at: got == nil ? file.size : offset)
            }
            position += 1
        }
        return token
    }
}
