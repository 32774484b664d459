/// What `RepeatJudge` needs of one message, as a small blob the store keeps per report (one BLOB column) and
/// compares inside SQLite without decoding it into Swift objects.
///
/// Layout (all little-endian), at most 4 + 64 * 4 + 32 * 4 = 388 bytes, typically 40-150:
/// - byte 0: format version (1)
/// - byte 1: distinct content words of the message, capped at 255
/// - byte 2: `w`, the word hashes stored (the bottom-`w` of the content words' hashes, `w` <= 64)
/// - byte 3: `f`, the fact hashes stored (`f` <= 32)
/// - `w` UInt32: hashes of the content words, ascending (a bottom-k sketch: exact for messages of <= 64 words)
/// - `f` UInt32: hashes of extracted facts, ascending; the top 3 bits say the kind (`RepeatKey.FactKind`)
///
/// Content words are the folded words minus function words, courtesy and urgency phrases and emojis, reduced to a
/// consonant skeleton, so a copy forwarded with a header, "*URGENT*", emojis, "sir please action", a vowel typo or
/// its sentences in another order has (nearly) the same set.
public struct RepeatKey: Sendable, Hashable, Codable {
    /// The blob to store.
    public var bytes: [UInt8]

    /// The kinds of extracted facts, as stored in a fact hash's top 3 bits.
    public enum FactKind: UInt32, Sendable, CaseIterable {
        case phone = 1, vehicle, person, booth, place
    }

    static let version: UInt8 = 1
    static let maxWords = 64
    static let maxFacts = 32

    /// An empty key: never a repeat of anything.
    public init() { bytes = [] }

    /// A key read back from storage (not validated here: `RepeatJudge` treats a malformed blob as never a repeat).
    public init(bytes: [UInt8]) { self.bytes = bytes }

    init(wordCount: Int, words: [UInt32], facts: [UInt32]) {
        var out: [UInt8] = [RepeatKey.version, UInt8(min(wordCount, 255)), UInt8(words.count), UInt8(facts.count)]
        out.reserveCapacity(4 + 4 * (words.count + facts.count))
        for v in words + facts {
            out.append(UInt8(truncatingIfNeeded: v))
            out.append(UInt8(truncatingIfNeeded: v >> 8))
            out.append(UInt8(truncatingIfNeeded: v >> 16))
            out.append(UInt8(truncatingIfNeeded: v >> 24))
        }
        bytes = out
    }

    /// Distinct content words of the message (0 for an empty key).
    public var contentWordCount: Int { bytes.count >= 4 ? Int(bytes[1]) : 0 }

    /// Lower-case hex of `bytes` (the JSON form).
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads `hexString` back; nil unless an even number of hex digits.
    public init?(hex: String) {
        let u = Array(hex.utf8)
        guard u.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            case 0x41...0x46: return c - 0x41 + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let h = nibble(u[i]), let l = nibble(u[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        bytes = out
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let key = RepeatKey(hex: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "repeat_key must be hex digits")
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hexString)
    }
}

extension RepeatKey {
    /// Lexicon kinds whose words say how a tip is forwarded, not what it says.
    static let boilerplate: LexKindSet = [.request, .greeting, .ok, .urgent]

    /// Builds the key of a read message.
    static func make(_ r: Reading) -> RepeatKey {
        let doc = r.doc
        var skip = [Bool](repeating: false, count: doc.tokens.count)
        for hit in r.signals.hits where boilerplate.contains(hit.kind) { for k in hit.start..<hit.end { skip[k] = true } }
        var words: [UInt32] = []
        words.reserveCapacity(doc.tokens.count)
        let tokens = doc.tokens
        for k in tokens.indices where tokens[k].kind != .emoji && !skip[k] && !WordSets.stop.contains(tokens[k]) {
            if tokens[k].kind == .latin && tokens[k].key.utf8.count <= 1 { continue }
            var h = FNV.offset
            skeleton(tokens[k].key, into: &h)
            words.append(finish(h))
        }
        words.sort()
        words = dedupe(words)
        let wordCount = words.count
        if words.count > maxWords { words.removeLast(words.count - maxWords) }

        var facts: [UInt32] = []
        func add(_ kind: FactKind, _ h: UInt64) { facts.append(kind.rawValue << 29 | (finish(h) & 0x1FFF_FFFF)) }
        func add(_ kind: FactKind, _ key: String) { if !key.isEmpty { add(kind, FNV.hash(key)) } }
        for p in r.phones { add(.phone, p) }
        for v in r.vehicles { add(.vehicle, v) }
        for b in r.booths { add(.booth, b) }
        for span in r.personTokens {
            // the whole name: "Ramesh Yadav" is not "Suresh Yadav"
            var h = FNV.offset, any = false
            for k in span where !WordSets.stop.contains(doc.tokens[k]) {
                if any { FNV.add(&h, byte: 0x20) }
                skeleton(doc.tokens[k].key, into: &h)
                any = true
            }
            if any { add(.person, h) }
        }
        for span in r.placeTokens {
            // each naming word on its own: "ग्राम रामपुर" and "रामपुर गांव के पास" share रामपुर
            for k in span where isPlaceName(doc.tokens[k]) {
                var h = FNV.offset
                skeleton(doc.tokens[k].key, into: &h)
                add(.place, h)
            }
        }
        facts.sort()
        facts = dedupe(facts)
        if facts.count > maxFacts { facts.removeLast(facts.count - maxFacts) }
        return RepeatKey(wordCount: wordCount, words: words, facts: facts)
    }

    private static func isPlaceName(_ tok: Token) -> Bool {
        guard tok.kind == .latin || tok.kind == .devanagari || tok.kind == .alnum || tok.kind == .number else { return false }
        return !WordSets.stop.contains(tok) && !PlaceExtractor.areas.contains(tok) && !PlaceExtractor.landmarks.contains(tok)
            && !PlaceExtractor.near.contains(tok) && !postpositionWords.contains(tok)
    }

    static let postpositionWords = WordSets.keys("के पास पीछे सामने बगल नजदीक अंदर किनारे आगे में लगे ke pas paas pass piche peeche samne bagal najdik andar kinare aage me mein lage")

    private static func dedupe(_ sorted: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(sorted.count)
        for v in sorted where out.last != v { out.append(v) }
        return out
    }

    @inline(__always)
    static func finish(_ h: UInt64) -> UInt32 {
        let m = FNV.mix(h)
        return UInt32(truncatingIfNeeded: m ^ (m >> 32))
    }

    /// Feeds a folded word's consonant skeleton to `h`: Latin vowels after the first letter and Devanagari vowel
    /// signs, halant, nukta and nasal marks dropped, doubled letters squeezed. "rahi"/"rhi", "bhatti"/"bhati",
    /// "पुलिस"/"पुलीस" meet; typos that drop or swap a vowel leave the word whole.
    static func skeleton(_ key: String, into h: inout UInt64) {
        var last: UInt32 = 0
        var first = true
        var fed = false
        for s in key.unicodeScalars {
            let v = s.value
            let isVowel: Bool
            switch v {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: isVowel = !first
            case 0x093E...0x094D, 0x0900...0x0903, 0x0962, 0x0963: isVowel = true
            default: isVowel = false
            }
            first = false
            if isVowel || v == last { continue }
            last = v
            FNV.add(&h, s)
            fed = true
        }
        if !fed { for s in key.unicodeScalars { FNV.add(&h, s) } }
    }
}
