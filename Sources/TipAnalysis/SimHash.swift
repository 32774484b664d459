/// 56-bit SimHash (the fingerprint's top byte carries the word count) over character shingles of the folded words, so a tip copied again with a forward header,
/// a typo or an emoji lands a few bits away while a different tip lands about half the bits away.
enum SimHash {
    static let shingle = 4

    /// Requests and greetings people add when they forward a tip again ("sir please action lijiye", "जय हिंद").
    static let boilerplate: LexKindSet = [.request, .greeting, .ok]

    /// `hits` are the lexicon hits of `doc`: courtesy phrases and function words are left out of the shingles, so the
    /// fingerprint is about what the tip says, not how politely it is forwarded.
    static func fingerprint(_ doc: Document, hits: [LexHit]) -> Fingerprint {
        var skip = [Bool](repeating: false, count: doc.tokens.count)
        for hit in hits where boilerplate.contains(hit.kind) { for k in hit.start..<hit.end { skip[k] = true } }
        // the kept words' keys joined by spaces, in UTF-8, and where each scalar starts: a shingle of 4 scalars is
        // hashed straight from its bytes (the same bytes FNV fed from the scalars)
        var text: [UInt8] = []
        var starts: [Int] = []
        text.reserveCapacity(doc.scalars.count * 2)
        starts.reserveCapacity(doc.scalars.count)
        var words = 0
        let tokens = doc.tokens
        for k in tokens.indices where tokens[k].kind != .emoji {
            words += 1
            if skip[k] || WordSets.stop.contains(tokens[k]) { continue }
            if !text.isEmpty {
                starts.append(text.count)
                text.append(0x20)
            }
            for b in tokens[k].key.utf8 {
                if b & 0xC0 != 0x80 { starts.append(text.count) }
                text.append(b)
            }
        }
        let count = starts.count  // scalars
        starts.append(text.count)
        if count < shingle {
            return Fingerprint(bits: FNV.mix(FNV.hash(text)) & Fingerprint.hashMask, wordCount: words)
        }
        // per bit, shingles with it set minus shingles without; only the 56 bits kept are counted, eight at a
        // time, each byte of a hash adding its row of +1/-1
        var counts = [SIMD8<Int32>](repeating: .zero, count: 7)
        for i in 0...(count - shingle) {
            var h = FNV.offset
            for k in starts[i]..<starts[i + shingle] { FNV.add(&h, byte: text[k]) }
            let bits = FNV.mix(h)
            for lane in 0..<7 { counts[lane] &+= signs[Int(truncatingIfNeeded: bits >> UInt64(8 * lane)) & 0xFF] }
        }
        var out: UInt64 = 0
        for b in 0..<56 where counts[b >> 3][b & 7] > 0 { out |= 1 << UInt64(b) }
        return Fingerprint(bits: out, wordCount: words)
    }

    /// For each byte value, +1 for each of its eight bits that is set and -1 for each that is not (bit 0 first).
    static let signs: [SIMD8<Int32>] = (0..<256).map { byte in
        var v = SIMD8<Int32>(repeating: -1)
        for b in 0..<8 where byte >> b & 1 == 1 { v[b] = 1 }
        return v
    }
}

/// FNV-1a 64-bit, the one hash of feature strings and shingles (stable across runs and platforms, unlike `Hasher`).
enum FNV {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    static func add(_ h: inout UInt64, byte: UInt8) { h = (h ^ UInt64(byte)) &* prime }

    /// Feeds the UTF-8 bytes of `s`.
    @inline(__always)
    static func add(_ h: inout UInt64, _ s: Unicode.Scalar) {
        let v = s.value
        if v < 0x80 {
            add(&h, byte: UInt8(v))
        } else if v < 0x800 {
            add(&h, byte: UInt8(0xC0 | (v >> 6)))
            add(&h, byte: UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            add(&h, byte: UInt8(0xE0 | (v >> 12)))
            add(&h, byte: UInt8(0x80 | ((v >> 6) & 0x3F)))
            add(&h, byte: UInt8(0x80 | (v & 0x3F)))
        } else {
            add(&h, byte: UInt8(0xF0 | (v >> 18)))
            add(&h, byte: UInt8(0x80 | ((v >> 12) & 0x3F)))
            add(&h, byte: UInt8(0x80 | ((v >> 6) & 0x3F)))
            add(&h, byte: UInt8(0x80 | (v & 0x3F)))
        }
    }

    static func hash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h = offset
        for s in scalars { add(&h, s) }
        return h
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = offset
        for b in bytes { add(&h, byte: b) }
        return h
    }

    static func hash(_ s: String) -> UInt64 {
        var h = offset
        for b in s.utf8 { add(&h, byte: b) }
        return h
    }

    /// splitmix64 finaliser: spreads FNV's weak low bits over all 64 for SimHash.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
