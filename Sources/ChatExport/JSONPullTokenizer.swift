/// A token of JSON as the pull tokenizer hands it out. Keys are their own token; a key's or string's bytes are in
/// `JSONPullTokenizer.scratch`, a number's value in `integer`/`number`.
enum JSONToken: Equatable {
    case objectStart, objectEnd, arrayStart, arrayEnd
    case key, string, number
    case bool(Bool)
    case null
    /// The single top-level value is complete and only whitespace followed it.
    case end
}

/// An incremental, validating JSON tokenizer over a file read in chunks.
///
/// It checks the grammar as it goes (commas, colons, matching brackets) with an explicit container stack bounded by
/// `maxDepth`, so deep nesting is an error, never a stack overflow. Strings are copied into `scratch` only when
/// `capture` is on: `skipValue()` walks a value of any size without materialising it.
struct JSONPullTokenizer {
    private enum State {
        /// A value must come: the top level, after ':', after ',' in an array.
        case value
        /// After '[': a value or ']'.
        case valueOrArrayEnd
        /// After '{': a key or '}'.
        case keyOrObjectEnd
        /// After ',' in an object.
        case key
        /// After a value inside a container.
        case commaOrEnd
        /// The top-level value is complete.
        case done
    }
    private static let objectMark: UInt8 = 1
    private static let arrayMark: UInt8 = 2

    let file: ChunkedFile
    var buffer: UnsafeMutablePointer<UInt8>
    var position = 0
    var end = 0
    /// File offset of `buffer[0]`.
    var base: Int64 = 0
    var atEndOfFile = false
    private var stack: [UInt8] = []
    private var state = State.value
    let maxDepth: Int

    /// Holds the bytes of the last key or string; `scratchBase`/`scratchCapacity` cache its pointer and size.
    let scratchStorage: ScratchStorage
    var scratchBase: UnsafeMutablePointer<UInt8>
    var scratchCapacity: Int
    var scratchCount = 0
    /// Whether strings are copied into `scratch`; `skipValue()` turns it off.
    var capture = true
    /// The last number, when it is an integer that fits.
    var integer: Int64?
    /// The last number as a double.
    var number: Double = 0
    /// The last number's characters (at most 64), for reading it as a double.
    var numberText = SIMD64<UInt8>()
    var numberLength = 0
    /// File offset of the first byte of the last token.
    private(set) var tokenStart: Int64 = 0

    /// Past this file offset, reading stops with `tooLarge` (checked once per chunk).
    var limitOffset = Int64.max
    var limitStart: Int64 = 0
    var limitBytes = 0

    init(file: ChunkedFile, maxDepth: Int) {
        self.file = file
        self.buffer = file.buffer
        self.maxDepth = maxDepth
        stack.reserveCapacity(maxDepth)
        scratchStorage = ScratchStorage()
        scratchBase = scratchStorage.base
        scratchCapacity = scratchStorage.capacity
    }

    /// The bytes of the last key or string (when `capture` is on), valid until the next token; not necessarily
    /// valid UTF-8.
    var scratch: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: scratchBase, count: scratchCount) }

    /// File offset of the next byte to read.
    var offset: Int64 { base + Int64(position) }

    /// How deep the tokenizer is: 0 at the top level, 1 inside the root object...
    var depth: Int { stack.count }

    func error(_ kind: ChatExportError.Kind, _ detail: String, at offset: Int64? = nil) -> ChatExportError {
        ChatExportError(kind, path: file.path, byteOffset: offset ?? self.offset, detail: detail)
    }

    /// Reads the next chunk; false at the end of the file.
    mutating func refill() throws(ChatExportError) -> Bool {
        if atEndOfFile { return false }
        base += Int64(end)
        position = 0
        end = 0
        if base > limitOffset {
            throw ChatExportError(
                .tooLarge, path: file.path, byteOffset: limitStart,
                detail: "the message is longer than \(limitBytes) bytes")
        }
        let count = try file.fill(atOffset: base)
        if count == 0 {
            atEndOfFile = true
            return false
        }
        end = count
        return true
    }

    /// The next byte that is not JSON whitespace, without consuming it; nil at the end of the file.
    @inline(__always)
    mutating func peekNonSpace() throws(ChatExportError) -> UInt8? {
        while true {
            var p = position
            let e = end
            let b = buffer
            while p < e {
                let c = b[p]
                if c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09 {
                    position = p
                    return c
                }
                p += 1
            }
            position = p
            if try !refill() { return nil }
        }
    }

    /// The next byte, without consuming it; nil at the end of the file.
    @inline(__always)
    mutating func peekByte() throws(ChatExportError) -> UInt8? {
        if position < end { return buffer[position] }
        if try !refill() { return nil }
        return buffer[position]
    }

    /// Skips a byte order mark at the very start of the file.
    mutating func skipByteOrderMark() throws(ChatExportError) {
        guard try peekByte() == 0xEF else { return }
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard try peekByte() == expected else {
                throw error(.malformed, "a broken byte order mark")
            }
            position += 1
        }
    }

    /// The next token, checked against the grammar.
    mutating func next() throws(ChatExportError) -> JSONToken {
        while true {
            guard let byte = try peekNonSpace() else {
                if state == .done { return .end }
                throw error(.malformed, endOfFileDetail, at: file.size)
            }
            tokenStart = offset
            switch state {
            case .done:
                throw error(.malformed, "\(Self.describe(byte)) after the end of the top-level value")
            case .commaOrEnd:
                let inObject = stack.last == Self.objectMark
                if byte == UInt8(ascii: ",") {
                    position += 1
                    state = inObject ? .key : .value
                    continue
                }
                if inObject && byte == UInt8(ascii: "}") { return pop(.objectEnd) }
                if !inObject && byte == UInt8(ascii: "]") { return pop(.arrayEnd) }
                throw error(.malformed, "expected ',' or '\(inObject ? "}" : "]")', found \(Self.describe(byte))")
            case .keyOrObjectEnd, .key:
                if state == .keyOrObjectEnd && byte == UInt8(ascii: "}") { return pop(.objectEnd) }
                guard byte == UInt8(ascii: "\"") else {
                    let wanted = state == .key ? "a quoted key" : "a quoted key or '}'"
                    throw error(.malformed, "expected \(wanted), found \(Self.describe(byte))")
                }
                position += 1
                try scanString()
                guard let colon = try peekNonSpace() else {
                    throw error(.malformed, endOfFileDetail, at: file.size)
                }
                guard colon == UInt8(ascii: ":") else {
                    throw error(.malformed, "expected ':' after a key, found \(Self.describe(colon))")
                }
                position += 1
                state = .value
                return .key
            case .valueOrArrayEnd, .value:
                if state == .valueOrArrayEnd && byte == UInt8(ascii: "]") { return pop(.arrayEnd) }
                return try value(startingWith: byte)
            }
        }
    }

    /// Skips the value that comes next (after a key, or an array element), however large, without keeping it.
    mutating func skipValue() throws(ChatExportError) {
        let saved = capture
        capture = false
        defer { capture = saved }
        let depthBefore = stack.count
        switch try next() {
        case .objectStart, .arrayStart:
            while true {
                let token = try next()
                if stack.count == depthBefore && (token == .objectEnd || token == .arrayEnd) { return }
            }
        default:
            return
        }
    }

    private mutating func value(startingWith byte: UInt8) throws(ChatExportError) -> JSONToken {
        switch byte {
        case UInt8(ascii: "{"):
            try push(Self.objectMark)
            state = .keyOrObjectEnd
            return .objectStart
        case UInt8(ascii: "["):
            try push(Self.arrayMark)
            state = .valueOrArrayEnd
            return .arrayStart
        case UInt8(ascii: "\""):
            position += 1
            try scanString()
            state = stack.isEmpty ? .done : .commaOrEnd
            return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            state = stack.isEmpty ? .done : .commaOrEnd
            return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let token = try scanLiteral(startingWith: byte)
            state = stack.isEmpty ? .done : .commaOrEnd
            return token
        default:
            let wanted = state == .valueOrArrayEnd ? "a value or ']'" : "a value"
            throw error(.malformed, "expected \(wanted), found \(Self.describe(byte))")
        }
    }

    private mutating func push(_ mark: UInt8) throws(ChatExportError) {
        guard stack.count < maxDepth else {
            throw error(.malformed, "nesting deeper than \(maxDepth) levels")
        }
        position += 1
        stack.append(mark)
    }

    private mutating func pop(_ token: JSONToken) -> JSONToken {
        position += 1
        stack.removeLast()
        state = stack.isEmpty ? .done : .commaOrEnd
        return token
    }

    private var endOfFileDetail: String {
        switch stack.last {
        case nil: "the file ends before any JSON value"
        case Self.objectMark: "the file ends inside an object (truncated?)"
        default: "the file ends inside an array (truncated?)"
        }
    }

    /// `'x'` for a printable ASCII byte, `byte 0xNN` otherwise.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count < 2 ? "0" + hex : hex)"
    }
}
