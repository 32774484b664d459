/// Judges the language by the running words. Devanagari words make Hindi; two or more real Latin words inside
/// Devanagari make it mixed; a Latin-only message is Hinglish or English by its function words. Abbreviations
/// (SHO, FIR, EVM), plate letters, numbers and forms of address ("sir", "ji") do not count, so "BR01AB1234 पर SHO"
/// inside a Hindi sentence is still Hindi.
enum LanguageDetector {
    /// Latin words Hindi writers drop into Devanagari as they are; they do not make a message mixed.
    static let neutral: Set<String> = Set("sir sirji sar ji sahab jee".split(separator: " ").map(String.init))

    /// Words of chat English that the function-word list lacks.
    static let chatEnglish: Set<String> = Set("""
        thanks thank ok okay happy members member all good morning night test ignore msg message please pls plz hello \
        hi welcome congratulations congrats great nice best wishes everyone sorry salute done noted yes
        """.split(separator: " ").map(String.init))

    /// Latin words that mark Indian chat rather than English when a message has no Devanagari.
    static let hinglishHints: Set<String> = Set("""
        sir sirji ji jee jai jay hind jaihind bhaiyo bhaiya bhai mubarak maza gud nyt mrng subh shubh sahab saheb \
        pranam parnam namaste namaskar dhanyavad dhanyawad shukriya haan han accha acha achha thik theek
        """.split(separator: " ").map(String.init))

    static func detect(_ doc: Document) -> TipLanguage {
        var deva = 0, latin = 0, hi = 0, en = 0
        for tok in doc.tokens {
            switch tok.kind {
            case .devanagari:
                deva += 1
            case .latin:
                let length = tok.end - tok.start
                var upper = 0
                if length >= 2 && length <= 6 {
                    for k in tok.start..<tok.end where (0x41...0x5A).contains(doc.scalars[k].value) { upper += 1 }
                }
                let abbreviation = length >= 2 && length <= 6 && upper >= length - 1
                if WordSets.hinglish.contains(tok.lower) || hinglishHints.contains(tok.lower) { hi += 1 }
                if WordSets.english.contains(tok.lower) || chatEnglish.contains(tok.lower) { en += 1 }
                if abbreviation || neutral.contains(tok.lower) || tok.lower.unicodeScalars.count < 2 { continue }
                latin += 1
            default:
                continue
            }
        }
        if deva > 0 { return latin >= 2 ? .mixed : .hi }
        if latin == 0 && hi == 0 && en == 0 {
            return doc.tokens.contains(where: { $0.kind == .latin }) || doc.urlCount > 0 ? .en : .hi
        }
        if hi == 0 { return .en }
        if en == 0 { return .hinglish }
        return Double(hi) >= Double(en) * 0.8 ? .hinglish : .en
    }
}
