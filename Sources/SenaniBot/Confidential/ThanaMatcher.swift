import SenaniStore

/// Finds the thanas an informant means when he types a name or a code: `KHG-SADAR`, `sadar`, `Sadar`, `सदर`.
///
/// Names are compared by their consonant skeletons, so Devanagari and Latin spellings meet: `सदर` and `Sadar`
/// both read `sdr`, `गोगरी` and `Gogri` both `ggr`. Pure.
enum ThanaMatcher {
    /// The thanas `typed` names, best first: an exact code alone; else every code, name or skeleton it starts.
    static func matches(_ typed: String, in thanas: [Thana]) -> [Thana] {
        let query = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty, query.count <= 40 else { return [] }
        let upper = query.uppercased()
        if let exact = thanas.first(where: { $0.code == upper }) { return [exact] }
        let lower = query.lowercased()
        let skeleton = Self.skeleton(query)
        return thanas.filter { thana in
            let name = thana.name.lowercased()
            if name == lower || name.hasPrefix(lower) || thana.code.lowercased().contains(lower) { return true }
            guard skeleton.count >= 2 else { return false }
            let nameSkeleton = Self.skeleton(thana.name)
            let codeSkeleton = Self.skeleton(thana.code.split(separator: "-").last.map(String.init) ?? thana.code)
            return nameSkeleton.hasPrefix(skeleton) || codeSkeleton.hasPrefix(skeleton)
        }
    }

    /// Whether `text` is short enough to be a thana's name rather than a tip.
    static func looksLikeAName(_ text: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace)
        return !words.isEmpty && words.count <= 3 && text.count <= 40
    }

    /// Consonants only, aspiration and doubling dropped, Devanagari transliterated: a spelling-blind key.
    static func skeleton(_ text: String) -> String {
        var out: [Character] = []
        var previous: Character?
        for scalar in text.lowercased().unicodeScalars {
            let letter: Character?
            if let mapped = devanagari[scalar.value] {
                letter = mapped
            } else if ("a"..."z").contains(Character(scalar)) {
                letter = latin(Character(scalar), after: previous)
            } else {
                letter = nil
            }
            previous = ("a"..."z").contains(Character(scalar)) ? Character(scalar) : nil
            guard let letter, out.last != letter else { continue }
            out.append(letter)
        }
        return String(out)
    }

    private static func latin(_ c: Character, after previous: Character?) -> Character? {
        switch c {
        case "a", "e", "i", "o", "u": return nil
        // "kh", "gh", "th", "dh", "bh", "ch": the h only marks aspiration.
        case "h" where previous.map { !"aeiou".contains($0) } ?? false: return nil
        case "q": return "k"
        case "z": return "j"
        case "w": return "v"
        case "x": return "k"
        // "f" and "ph" are one sound in Hindi names (फ); "y" is mostly a vowel in Latin spellings.
        case "f": return "p"
        case "y": return nil
        default: return c
        }
    }

    /// Devanagari consonants as their Latin skeleton letters; vowels, matras and marks map to nothing.
    private static let devanagari: [UInt32: Character] = {
        let pairs: [(UInt32, Character)] = [
            (0x0915, "k"), (0x0916, "k"), (0x0917, "g"), (0x0918, "g"), (0x0919, "n"),
            (0x091A, "c"), (0x091B, "c"), (0x091C, "j"), (0x091D, "j"), (0x091E, "n"),
            (0x091F, "t"), (0x0920, "t"), (0x0921, "d"), (0x0922, "d"), (0x0923, "n"),
            (0x0924, "t"), (0x0925, "t"), (0x0926, "d"), (0x0927, "d"), (0x0928, "n"),
            (0x092A, "p"), (0x092B, "p"), (0x092C, "b"), (0x092D, "b"), (0x092E, "m"),
            (0x0930, "r"), (0x0932, "l"), (0x0935, "v"), (0x0936, "s"),
            (0x0937, "s"), (0x0938, "s"), (0x0939, "h"), (0x0958, "k"), (0x0959, "k"),
            (0x095A, "g"), (0x095B, "j"), (0x095C, "d"), (0x095D, "d"), (0x095E, "p"),
            (0x0902, "n"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs)
    }()
}
