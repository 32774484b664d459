/// Finds the boundaries of JSON values in raw bytes without building them, so that one value the full decoder
/// refuses (nested 600 deep, a `NaN` literal, a broken string) cannot take its neighbours down with it.
///
/// Never recursive: nesting is tracked in an explicit stack of expected closing brackets, so any depth costs
/// memory, not call stack. It checks only what it needs for boundaries (strings and escapes, bracket pairing);
/// the values it delimits are validated later by `JSONDecoder`.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The byte at the current position, or nil at the end.
    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after whitespace); false, consuming nothing more, when something else comes.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard current == byte else { return false }
        position += 1
        return true
    }

    /// Skips the string starting at the current `"`; false when there is none or it never ends.
    mutating func skipString() -> Bool {
        guard current == UInt8(ascii: "\"") else { return false }
        var index = position + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                position = index + 1
                return true
            case UInt8(ascii: "\\"):
                // Whatever follows a backslash is escaped, a quote included.
                index += 2
            default:
                index += 1
            }
        }
        return false
    }

    /// Skips one value of any kind and depth; returns its byte range, or nil when the text is malformed.
    mutating func skipValue() -> Range<Int>? {
        skipWhitespace()
        let start = position
        guard let first = current else { return nil }
        switch first {
        case UInt8(ascii: "\""):
            guard skipString() else { return nil }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard skipContainer() else { return nil }
        case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ":"):
            return nil
        default:
            // A scalar (number, true, false, null, or a literal JSON does not allow, such as NaN): up to a delimiter.
            while let byte = current, !Self.isDelimiter(byte) { position += 1 }
        }
        return start..<position
    }

    /// Calls `body` with the key (without quotes, escapes left as they are) and value range of each member of the
    /// object at the current position. False when it is not a well-formed object.
    mutating func forEachMember(_ body: (_ key: Range<Int>, _ value: Range<Int>) -> Void) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            let keyStart = position
            guard skipString() else { return false }
            // skipString stops just past the closing quote.
            let key = (keyStart + 1)..<(position - 1)
            guard consume(UInt8(ascii: ":")), let value = skipValue() else { return false }
            body(key, value)
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// Calls `body` with the range of each element of the array at the current position. False when it is not a
    /// well-formed array.
    mutating func forEachElement(_ body: (Range<Int>) -> Void) -> Bool {
        guard consume(UInt8(ascii: "[")) else { return false }
        if consume(UInt8(ascii: "]")) { return true }
        while true {
            guard let element = skipValue() else { return false }
            body(element)
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "]"))
        }
    }

    /// Whether the bytes of `buffer` in `range` are exactly `literal`.
    static func bytes(_ bytes: UnsafeRawBufferPointer, in range: Range<Int>, equal literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= bytes.count
        else { return false }
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        return zip(bytes[range], expected).allSatisfy { $0 == $1 }
    }

    /// Skips an object or array, however deep, with an explicit stack instead of recursion.
    private mutating func skipContainer() -> Bool {
        var closers: [UInt8] = []
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                guard skipString() else { return false }
                continue
            case UInt8(ascii: "{"):
                closers.append(UInt8(ascii: "}"))
            case UInt8(ascii: "["):
                closers.append(UInt8(ascii: "]"))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard closers.popLast() == byte else { return false }
                if closers.isEmpty {
                    position += 1
                    return true
                }
            default:
                break
            }
            position += 1
        }
        return false
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: "\""),
            UInt8(ascii: "{"), UInt8(ascii: "["), 0x20, 0x09, 0x0A, 0x0D:
            true
        default:
            false
        }
    }
}
