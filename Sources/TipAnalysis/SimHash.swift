/// 56-bit SimHash (the fingerprint's top byte carries the word count) over character shingles of the folded words, so a tip copied again with a forward header,
/// a typo or an emoji lands a few bits away while a different tip lands about half the bits away.
enum SimHash {
    static let shingle = 4

    /// Requests and greetings people add when they forward a tip again ("sir please action lijiye", "जय हिंद").
    static let boilerplate: Set<LexKind> = [.request, .greeting, .ok]

    /// `hits` are the lexicon hits of `doc`: courtesy phrases and function words are left out of the shingles, so the
    /// fingerprint is about what the tip says, not how politely it is forwarded.
    static func fingerprint(_ doc: Document, hits: [LexHit]) -> Fingerprint {
        var skip = [Bool](repeating: false, count: doc.tokens.count)
        for hit in hits where boilerplate.contains(hit.kind) { for k in hit.start..<hit.end { skip[k] = true } }
        var text: [Unicode.Scalar] = []
        var words = 0
        for (k, tok) in doc.tokens.enumerated() where tok.kind != .emoji {
            words += 1
            if skip[k] || WordSets.stop.contains(tok) { continue }
            if !text.isEmpty { text.append(" ") }
            text.append(contentsOf: tok.key.unicodeScalars)
        }
        var counts = [Int32](repeating: 0, count: 64)
        if text.count < shingle {
            return Fingerprint(bits: FNV.mix(FNV.hash(text[...])) & Fingerprint.hashMask, wordCount: words)
        }
        for i in 0...(text.count - shingle) {
            let h = FNV.mix(FNV.hash(text[i..<(i + shingle)]))
            var bits = h
            for b in 0..<64 {
                counts[b] &+= (bits & 1) == 1 ? 1 : -1
                bits >>= 1
            }
        }
        var out: UInt64 = 0
        for b in 0..<56 where counts[b] > 0 { out |= 1 << UInt64(b) }
        return Fingerprint(bits: out, wordCount: words)
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
