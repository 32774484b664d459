/// Finds polling booth numbers: "बूथ संख्या 112", "booth no 45", "booth sankhya 56", "मतदान केंद्र सं. 7" give
/// "112", "45", "56", "7".
enum BoothExtractor {
    static let heads: KeySet = WordSets.keys("बूथ booth बुथ")
    static let centre: KeySet = WordSets.keys("केंद्र केन्द्र kendra centre center station")
    static let fillers: KeySet = WordSets.keys("""
        संख्या सं नं नंबर न क्रमांक no number num nos नम्बर नo
        sankhya sankhiya sakhya nambar numbar kramank
        """)

    static func extract(_ doc: Document) -> [String] {
        let t = doc.tokens
        var out: [String] = []
        for i in t.indices {
            let isHead = heads.contains(t[i])
                || (centre.contains(t[i]) && i > 0 && (t[i - 1].key == "मतदान" || t[i - 1].key == "poling" || t[i - 1].key == "matdan"))
            guard isHead else { continue }
            var j = i + 1
            var skipped = 0
            while j < t.count, skipped < 2, fillers.contains(t[j]) || t[j].key == "o" { j += 1; skipped += 1 }
            if j < t.count, t[j].kind == .number, t[j].key.count <= 4 {
                if !out.contains(t[j].key) { out.append(t[j].key) }
            } else if j < t.count, t[j].kind == .alnum {
                // "booth no.45", "बूथ नं45" tokenised together
                let digits = String(t[j].lower.unicodeScalars.filter { PhoneExtractor.isDigit($0) }.map(Character.init))
                if !digits.isEmpty, digits.count <= 4, !out.contains(digits) { out.append(digits) }
            }
        }
        return out
    }
}
