/// Finds amounts with a unit, as written: "50 लीटर", "20 peti", "५ कार्टन" (digits shown in ASCII), "दो बोरा".
enum QuantityExtractor {
    static let units: KeySet = WordSets.keys("""
        लीटर ली लि लिटर पेटी पेटियां पेटियों कार्टन कार्टून बोतल बोतलें बोतलों गैलन गेलन पाउच किलो केजी ग्राम बोरा बोरी बोरे ड्रम जार \
        डिब्बा डिब्बे कैन पैकेट पीस ट्रक ट्रैक्टर ट्रॉली गाड़ी टेट्रा केस क्विंटल टन \
        litre litres liter liters ltr ltrs lt peti petti petiya petiyan carton cartons cartoon botal botals bottle bottles \
        botle gallon gallons galan pouch pouches pauch kg kgs kilo gram grams gm gms bora bori bore drum drums jar jars can \
        cans packet packets pkt piece pieces pcs tetra case cases quintal ton tons tractor trolley truck trucks
        """)

    static let numberWords: KeySet = WordSets.keys("""
        एक दो तीन चार पांच पाँच छह छः सात आठ नौ दस बारह पंद्रह बीस पच्चीस तीस चालीस पचास साठ सत्तर अस्सी सौ हजार दर्जन दर्जनों सैकड़ों \
        ek do teen char panch paanch chhe che saat aath nau das barah pandrah bees bis pachis tees chalis pachas saath \
        sattar assi sau hazar hajar darjan darjano saikdo sekdo
        """)

    static func extract(_ doc: Document, blocked: [Bool]) -> [String] {
        let t = doc.tokens
        var out: [String] = []
        var i = 0
        while i < t.count {
            // "50ltr", "20पेटी": digits glued to the unit (fields read in place: copying a Token retains its strings)
            if t[i].kind == .alnum, let split = gluedUnit(t[i]) , split {
                append(doc.text(tokens: i, i), to: &out)
                i += 1
                continue
            }
            let isNumber = (t[i].kind == .number && !blocked[i]) || numberWords.contains(t[i])
            if isNumber, i + 1 < t.count, !t[i + 1].breakBefore || t[i + 1].start - t[i].end <= 1, units.contains(t[i + 1]) {
                var start = i
                // "50-60 लीटर", "40 से 50 पेटी"
                if i >= 1, t[i - 1].kind == .number, !blocked[i - 1], t[i - 1].key.count <= 4, doc.text(t[i - 1].end, t[i].start).allSatisfy({ $0 == "-" || $0 == " " }) {
                    start = i - 1
                } else if i >= 2, t[i - 2].kind == .number, !blocked[i - 2], t[i - 2].key.count <= 4, t[i - 1].key == "से" || t[i - 1].key == "se" {
                    start = i - 2
                }
                append(doc.text(tokens: start, i + 1), to: &out)
                i += 2
                continue
            }
            i += 1
        }
        return out
    }

    private static func gluedUnit(_ tok: Token) -> Bool? {
        let scalars = Array(tok.lower.unicodeScalars)
        var k = 0
        while k < scalars.count, PhoneExtractor.isDigit(scalars[k]) { k += 1 }
        guard k > 0, k < scalars.count, k <= 5 else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[k...]))
        let key = Document(rest).tokens.first?.key ?? ""
        return units.contains(key) ? true : nil
    }

    private static func append(_ s: String, to out: inout [String]) {
        if !out.contains(s) { out.append(s) }
    }
}
