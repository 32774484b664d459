/// Judges the language by the running words: Devanagari words make Hindi, Latin words are Hinglish or English by
/// their function words. Abbreviations (SHO, FIR), plate letters and numbers do not count, so "BR01AB1234 पर SHO"
/// inside a Hindi sentence is still Hindi.
enum LanguageDetector {
    /// Latin words that Hindi writers use as they are; they say nothing about the language.
    static let neutral: Set<String> = Set("""
        sir ok okay police thana sho sp dsp si asi fir mobile number no phone bike car truck pickup tractor plz pls \
        please hello hi sar sirji thanks thank jai hind
        """.split(separator: " ").map(String.init))

    static func detect(_ doc: Document) -> TipLanguage {
        var deva = 0, latin = 0, hi = 0, en = 0
        for tok in doc.tokens {
            switch tok.kind {
            case .devanagari:
                deva += 1
            case .latin:
                let raw = doc.text(tok.start, tok.end)
                if raw.count <= 4, raw.count >= 2, raw == raw.uppercased(), deva > 0 || latin == 0 { continue }
                if neutral.contains(tok.lower) { continue }
                latin += 1
                if WordSets.hinglish.contains(tok.lower) { hi += 1 }
                if WordSets.english.contains(tok.lower) { en += 1 }
            default:
                continue
            }
        }
        if deva == 0 && latin == 0 {
            let anyDeva = doc.scalars.contains { ScalarClass.of($0) == .devanagari }
            return anyDeva ? .hi : (doc.tokens.isEmpty ? .hi : .hinglish)
        }
        let total = Double(deva + latin)
        let devaShare = Double(deva) / total
        if devaShare >= 0.7 { return .hi }
        if devaShare > 0.3 { return .mixed }
        return latinLanguage(hi: hi, en: en, latin: latin)
    }

    static func latinLanguage(hi: Int, en: Int, latin: Int) -> TipLanguage {
        if hi == 0 && en == 0 { return .hinglish }
        if en == 0 { return .hinglish }
        if hi == 0 { return .en }
        let h = Double(hi), e = Double(en)
        if h >= 2 * e { return .hinglish }
        if e >= 2.5 * h { return .en }
        return .mixed
    }
}
