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

    /// What a Latin word says about the language, by the lists above that hold it.
    struct Cues: OptionSet, Sendable {
        let rawValue: UInt8
        static let hinglish = Cues(rawValue: 1)
        static let english = Cues(rawValue: 2)
        static let neutral = Cues(rawValue: 4)
    }

    /// Every listed word with its cues: one lookup per word instead of five hashed `Set<String>` probes.
    static let cues: WordTable<Cues> = {
        var all: [String: Cues] = [:]
        for w in WordSets.hinglish.union(hinglishHints) { all[w, default: []].insert(.hinglish) }
        for w in WordSets.english.union(chatEnglish) { all[w, default: []].insert(.english) }
        for w in neutral { all[w, default: []].insert(.neutral) }
        return WordTable(all)
    }()

    static func detect(_ doc: Document) -> TipLanguage {
        var deva = 0, latin = 0, hi = 0, en = 0
        let tokens = doc.tokens
        for k in tokens.indices {
            // fields read in place: copying a Token retains its two strings
            switch tokens[k].kind {
            case .devanagari:
                deva += 1
            case .latin:
                let start = tokens[k].start, end = tokens[k].end
                let length = end - start
                var upper = 0
                if length >= 2 && length <= 6 {
                    for s in start..<end where (0x41...0x5A).contains(doc.scalars[s].value) { upper += 1 }
                }
                let abbreviation = length >= 2 && length <= 6 && upper >= length - 1
                let lower = tokens[k].lower
                let cue = cues[lower] ?? []
                if cue.contains(.hinglish) { hi += 1 }
                if cue.contains(.english) { en += 1 }
                if abbreviation || cue.contains(.neutral) || !lower.hasTwoScalars { continue }
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
