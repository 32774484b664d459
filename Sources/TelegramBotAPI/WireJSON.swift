import Foundation

/// One JSON text parsed strictly into a flat list of nodes, for `WireDecoder`.
///
/// Stricter than the JSON grammar needs to be on purpose: anything unusual (a key with an escape, a duplicate key,
/// a lone surrogate, nesting past `maximumDepth`, invalid UTF-8, a control character in a string) is refused, and
/// the caller then decodes the text with Foundation's `JSONDecoder` as before. So this parser only ever has to agree
/// with `JSONDecoder` on plain, well-formed updates, which is all Telegram sends.
struct WireJSON {
    enum Kind: UInt8 { case object, array, string, escapedString, number, integer, `true`, `false`, null }

    struct Node {
        var kind: Kind
        /// The value's bytes: a string's without its quotes.
        var start: Int32
        var end: Int32
        /// Index of the node after this one's subtree: a container's children are the nodes up to it (an object's
        /// alternate key, value, key, value...).
        var next: Int32
        /// Children (an object's: key and value nodes both).
        var count: Int32
    }

    struct Refused: Error {}

    static let maximumDepth = 64
    let bytes: UnsafeRawBufferPointer
    private(set) var nodes: [Node] = []

    /// Parses `bytes`, which must stay valid while the result is used.
    init(_ bytes: UnsafeRawBufferPointer) throws(Refused) {
        self.bytes = bytes
        nodes.reserveCapacity(64)
        var position = 0
        try parseValue(&position, depth: 0)
        skipWhitespace(&position)
        guard position == bytes.count else { throw Refused() }
    }

    private func skipWhitespace(_ position: inout Int) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue(_ position: inout Int, depth: Int) throws(Refused) {
        skipWhitespace(&position)
        guard position < bytes.count else { throw Refused() }
        switch bytes[position] {
        case UInt8(ascii: "{"): try parseContainer(&position, depth: depth, object: true)
        case UInt8(ascii: "["): try parseContainer(&position, depth: depth, object: false)
        case UInt8(ascii: "\""): try parseString(&position)
        case UInt8(ascii: "t"): try literal(&position, "true", .true)
        case UInt8(ascii: "f"): try literal(&position, "false", .false)
        case UInt8(ascii: "n"): try literal(&position, "null", .null)
        default: try parseNumber(&position)
        }
    }

    private mutating func parseContainer(_ position: inout Int, depth: Int, object: Bool) throws(Refused) {
        guard depth < Self.maximumDepth else { throw Refused() }
        let index = nodes.count
        nodes.append(Node(kind: object ? .object : .array, start: Int32(position), end: 0, next: 0, count: 0))
        position += 1
        let close = UInt8(ascii: object ? "}" : "]")
        var count: Int32 = 0
        skipWhitespace(&position)
        if position < bytes.count, bytes[position] == close {
            position += 1
        } else {
            while true {
                if object {
                    skipWhitespace(&position)
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Refused() }
                    try parseString(&position)
                    // Keys are matched byte for byte: one written with an escape goes to JSONDecoder.
                    guard nodes[nodes.count - 1].kind == .string else { throw Refused() }
                    skipWhitespace(&position)
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw Refused() }
                    position += 1
                    count += 1
                }
                try parseValue(&position, depth: depth + 1)
                count += 1
                skipWhitespace(&position)
                guard position < bytes.count else { throw Refused() }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == close {
                    position += 1
                    break
                } else {
                    throw Refused()
                }
            }
        }
        nodes[index].end = Int32(position)
        nodes[index].next = Int32(nodes.count)
        nodes[index].count = count
        if object { try refuseDuplicateKeys(of: index) }
    }

    private func refuseDuplicateKeys(of index: Int) throws(Refused) {
        var keys: [Int] = []
        var child = index + 1
        while child < Int(nodes[index].next) {
            keys.append(child)
            child = Int(nodes[child + 1].next)
        }
        guard keys.count > 1 else { return }
        for a in 0..<keys.count - 1 {
            for b in (a + 1)..<keys.count where keyBytes(keys[a]).elementsEqual(keyBytes(keys[b])) { throw Refused() }
        }
    }

    func keyBytes(_ index: Int) -> UnsafeRawBufferPointer.SubSequence {
        bytes[Int(nodes[index].start)..<Int(nodes[index].end)]
    }

    private mutating func parseString(_ position: inout Int) throws(Refused) {
        let start = position + 1
        var index = start
        var escaped = false
        var ascii = true
        while true {
            guard index < bytes.count else { throw Refused() }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw Refused() }
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count else { throw Refused() }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    let unit = try hex4(at: index + 1)
                    index += 5
                    if (0xDC00...0xDFFF).contains(unit) { throw Refused() }
                    if (0xD800...0xDBFF).contains(unit) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                            (0xDC00...0xDFFF).contains(try hex4(at: index + 2))
                        else { throw Refused() }
                        index += 6
                    }
                default:
                    throw Refused()
                }
                continue
            }
            index += 1
        }
        if !ascii {
            guard String(validating: bytes[start..<index], as: UTF8.self) != nil else { throw Refused() }
        }
        nodes.append(
            Node(kind: escaped ? .escapedString : .string, start: Int32(start), end: Int32(index), next: Int32(nodes.count + 1), count: 0))
        position = index + 1
    }

    private func hex4(at index: Int) throws(Refused) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Refused() }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Refused()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func literal(_ position: inout Int, _ word: StaticString, _ kind: Kind) throws(Refused) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Refused() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw Refused() }
        nodes.append(Node(kind: kind, start: Int32(position), end: Int32(position + count), next: Int32(nodes.count + 1), count: 0))
        position += count
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; `.integer` when it has neither fraction nor exponent.
    private mutating func parseNumber(_ position: inout Int) throws(Refused) {
        let start = position
        var index = position
        func digit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digit(index) else { throw Refused() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while digit(index) { index += 1 }
        }
        var integer = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integer = false
            index += 1
            guard digit(index) else { throw Refused() }
            while digit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            integer = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digit(index) else { throw Refused() }
            while digit(index) { index += 1 }
        }
        nodes.append(
            Node(kind: integer ? .integer : .number, start: Int32(start), end: Int32(index), next: Int32(nodes.count + 1), count: 0))
        position = index
    }

    // MARK: Values

    func string(_ index: Int) throws(Refused) -> String {
        let node = nodes[index]
        let raw = bytes[Int(node.start)..<Int(node.end)]
        switch node.kind {
        case .string: return String(decoding: raw, as: UTF8.self)
        case .escapedString: return unescape(raw)
        default: throw Refused()
        }
    }

    /// The text of a string already checked by `parseString` (valid escapes, paired surrogates).
    private func unescape(_ raw: UnsafeRawBufferPointer.SubSequence) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        // The escapes were checked by `parseString`, so `hex4` cannot fail here.
        func hex(_ at: Int) -> UInt32 { (try? hex4(at: at)) ?? 0xFFFD }
        while index < raw.endIndex {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let kind = raw[index + 1]
            index += 2
            switch kind {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex(index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex(index + 2) - 0xDC00)
                    index += 6
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default: out.append(kind)  // " \ /
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func int64(_ index: Int) throws(Refused) -> Int64 {
        let node = nodes[index]
        guard node.kind == .integer else { throw Refused() }
        var position = Int(node.start)
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var value: Int64 = 0
        while position < Int(node.end) {
            let digit = Int64(bytes[position] - UInt8(ascii: "0"))
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !o1, !o2 else { throw Refused() }
            value = sum
            position += 1
        }
        return value
    }

    func double(_ index: Int) throws(Refused) -> Double {
        let node = nodes[index]
        guard node.kind == .integer || node.kind == .number,
            let value = Double(String(decoding: bytes[Int(node.start)..<Int(node.end)], as: UTF8.self)), value.isFinite
        else { throw Refused() }
        return value
    }

    func bool(_ index: Int) throws(Refused) -> Bool {
        switch nodes[index].kind {
        case .true: return true
        case .false: return false
        default: throw Refused()
        }
    }

    /// The value node of `key` in the object at `index`, or nil when the object has no such key.
    func member(_ key: String, of index: Int) -> Int? {
        var key = key
        return key.withUTF8 { wanted -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var child = index + 1
            let end = Int(nodes[index].next)
            while child < end {
                let node = nodes[child]
                if Int(node.end - node.start) == wanted.count
                    && (wanted.isEmpty || memcmp(base + Int(node.start), wanted.baseAddress!, wanted.count) == 0)
                {
                    return child + 1
                }
                child = Int(nodes[child + 1].next)
            }
            return nil
        }
    }
}
