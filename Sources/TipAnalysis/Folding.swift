/// Spelling folds that make variants of one word meet: "daaru"/"dāru"/"daru", "sharaab"/"sharab", "bhathi"/"bhatti",
/// "गाँव"/"गांव"/"गाव", "ज़ब्त"/"जब्त". Keys are for matching and model features, never shown to people.
enum Folding {
    /// Lower-cases, strips diacritics and squeezes runs of three or more of the same letter ("sirrrr" -> "sir"),
    /// into `out` (emptied first; the tokenizer reuses one buffer for every word).
    static func lowerSqueezed(_ scalars: ArraySlice<Unicode.Scalar>, into out: inout [Unicode.Scalar]) {
        out.removeAll(keepingCapacity: true)
        var run = 0
        for s in scalars {
            guard let l = latinBase(s) ?? (isCombining(s) ? nil : s) else { continue }
            if let last = out.last, last == l, ScalarClass.of(l) != .digit {
                run += 1
                if run >= 2 {
                    // a third identical letter: collapse the whole run to one
                    if run == 2 { out.removeLast() }
                    continue
                }
            } else {
                run = 0
            }
            out.append(l)
        }
    }

    @inline(__always)
    private static func isCombining(_ s: Unicode.Scalar) -> Bool { (0x0300...0x036F).contains(s.value) }

    /// Lower-case ASCII base letter of a Latin letter, or nil when `s` is not Latin.
    @inline(__always)
    static func latinBase(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(v + 32) }
        if v < 0xC0 { return nil }
        if v > 0x24F && !(0x1E00...0x1EFF).contains(v) { return nil }
        let base: Character
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105, 0x1CD, 0x1CE, 0x1EA0...0x1EB7: base = "a"
        case 0xC7, 0xE7, 0x106...0x10D: base = "c"
        case 0x10E...0x111, 0x1E0C...0x1E13: base = "d"
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B, 0x1EB8...0x1EC7: base = "e"
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131, 0x1CF, 0x1D0, 0x1EC8...0x1ECB: base = "i"
        case 0xD1, 0xF1, 0x143...0x14B, 0x1E44...0x1E4B: base = "n"
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151, 0x1ECC...0x1EE3: base = "o"
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173, 0x1D3...0x1DC, 0x1EE4...0x1EF1: base = "u"
        case 0xDD, 0xFD, 0xFF, 0x176...0x178: base = "y"
        case 0x15A...0x161, 0x1E60...0x1E69: base = "s"
        case 0x154...0x159, 0x1E58...0x1E5F: base = "r"
        case 0x162...0x167, 0x1E6A...0x1E71: base = "t"
        case 0x1E24...0x1E2B: base = "h"
        case 0x1E32...0x1E37: base = "k"
        case 0x1E36...0x1E3D, 0x139...0x142: base = "l"
        case 0x1E40...0x1E43: base = "m"
        case 0x179...0x17E: base = "z"
        case 0xDF: base = "s"
        default: return nil
        }
        return base.unicodeScalars.first
    }

    /// Transliteration-aware key of one lower-cased Latin word, as bytes into `out` (emptied first). Each scalar is
    /// truncated to its low byte, so a letter outside ASCII leaves bytes that are not UTF-8 (the caller's
    /// `String(decoding:as:)` repairs them, as it always has).
    ///
    /// One pass does what used to be two: long vowels written doubled and digraphs become one letter (left to right,
    /// a pair at a time), then w/z/q fold and doubled letters squeeze; the second step only looks at what the first
    /// has written so far, so they stream together.
    static func latinKey(_ w: [Unicode.Scalar], into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        let n = w.count
        var i = 0
        while i < n {
            let x = UInt8(truncatingIfNeeded: w[i].value)
            var c = x
            if i + 1 < n, let r = pair(x, UInt8(truncatingIfNeeded: w[i + 1].value)) {
                c = r
                i += 2
            } else {
                i += 1
            }
            switch c {
            case UInt8(ascii: "w"): c = UInt8(ascii: "v")
            case UInt8(ascii: "z"): c = UInt8(ascii: "j")
            case UInt8(ascii: "q"): c = UInt8(ascii: "k")
            default: break
            }
            if let l = out.last, l == c, c > 0x39 { continue }  // doubled letters, never digits
            out.append(c)
        }
    }

    /// The one letter a two-letter spelling stands for: ee -> i, oo -> u, ph -> f, sh/th/dh -> s/t/d, ck -> k.
    @inline(__always)
    private static func pair(_ x: UInt8, _ y: UInt8) -> UInt8? {
        if x == UInt8(ascii: "e") && y == UInt8(ascii: "e") { return UInt8(ascii: "i") }
        if x == UInt8(ascii: "o") && y == UInt8(ascii: "o") { return UInt8(ascii: "u") }
        if y == UInt8(ascii: "h") {
            switch x {
            case UInt8(ascii: "p"): return UInt8(ascii: "f")
            case UInt8(ascii: "s"): return UInt8(ascii: "s")
            case UInt8(ascii: "t"): return UInt8(ascii: "t")
            case UInt8(ascii: "d"): return UInt8(ascii: "d")
            default: return nil
            }
        }
        if x == UInt8(ascii: "c") && y == UInt8(ascii: "k") { return UInt8(ascii: "k") }
        return nil
    }

    /// Key of one Devanagari word: nukta, chandrabindu and anusvara dropped, long/short i and u merged,
    /// sibilants merged, repeated signs squeezed.
    /// The key's UTF-8 goes into `out` (emptied first).
    static func devanagariKey(_ w: [Unicode.Scalar], into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var last: UInt32 = 0
        for s in w {
            var v = s.value
            switch v {
            case 0x093C, 0x0901, 0x0902, 0x0951...0x0954: continue
            case 0x0958: v = 0x0915
            case 0x0959: v = 0x0916
            case 0x095A: v = 0x0917
            case 0x095B: v = 0x091C
            case 0x095C: v = 0x0921
            case 0x095D: v = 0x0922
            case 0x095E: v = 0x092B
            case 0x095F: v = 0x092F
            case 0x0929: v = 0x0928
            case 0x0931: v = 0x0930
            case 0x0934: v = 0x0933
            case 0x0940: v = 0x093F
            case 0x0942: v = 0x0941
            case 0x0908: v = 0x0907
            case 0x090A: v = 0x0909
            case 0x0936, 0x0937: v = 0x0938
            case 0x0949: v = 0x093E
            case 0x0911: v = 0x0906
            case 0x0923: v = 0x0928
            default: break
            }
            if v == last && v != 0x094D { continue }
            // an independent vowel repeating the vowel sign before it is elongation ("शराबीईई", "दारूऊ")
            if (v == 0x0907 && last == 0x093F) || (v == 0x0909 && last == 0x0941) || (v == 0x0906 && last == 0x093E)
                || (v == 0x090F && last == 0x0947) { continue }
            last = v
            UTF8Bytes.append(Unicode.Scalar(v)!, to: &out)
        }
    }
}
