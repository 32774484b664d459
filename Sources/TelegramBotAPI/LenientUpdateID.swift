/// Reads the top-level `update_id` of an update that `JSONDecoder` refused, as leniently as possible, so the
/// poller can still confirm it by id: an integer, a string of digits (`"123"`), or a number with a fraction or
/// exponent (its integer part).
enum LenientUpdateID {
    /// Ids this layer hands out: Telegram's are positive, and stopping one short of `Int64.max` means a caller's
    /// `updateID + 1` (the next getUpdates offset) can never overflow.
    static let validRange: ClosedRange<Int64> = 0...(Int64.max - 1)

    /// The id, or nil when it is missing, not a number, or outside `validRange`.
    static func read(from element: UnsafeRawBufferPointer) -> Int64? {
        var scanner = JSONScanner(element)
        var found: Range<Int>? = nil
        // The result is ignored on purpose: a malformed object may still have had its id before the damage.
        _ = scanner.forEachMember { key, value in
            if JSONScanner.bytes(element, in: key, equal: "update_id") { found = value }
        }
        guard let found else { return nil }
        return parse(UnsafeRawBufferPointer(rebasing: element[found]))
    }

    /// Parses `123`, `-4`, `"123"`, `1.5`, `1e3`; nil for anything else or out of range.
    static func parse(_ token: UnsafeRawBufferPointer) -> Int64? {
        var bytes = Array(token)
        if bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") {
            bytes = Array(bytes.dropFirst().dropLast())
            // A string counts only when it is plainly an integer.
            guard bytes.contains(where: isDigit), bytes.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "-") })
            else { return nil }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let value: Int64?
        if let integer = Int64(text) {
            value = integer
        } else if bytes.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            value = Double(text).flatMap { double in
                double.isFinite ? Int64(exactly: double.rounded(.towardZero)) : nil
            }
        } else if let dot = bytes.firstIndex(of: UInt8(ascii: ".")), bytes[(dot + 1)...].allSatisfy(isDigit) {
            value = Int64(String(decoding: bytes[..<dot], as: UTF8.self))
        } else {
            value = nil
        }
        guard let value, validRange.contains(value) else { return nil }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
