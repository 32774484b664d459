/// Finds where something happens, as written: "ग्राम रामपुर", "रामपुर गांव", "नया टोला", "स्टेशन चौक",
/// "पुराने पुल के पास", "near Shiv mandir", "school ke piche", "NH 31".
enum PlaceExtractor {
    /// Words naming a kind of settlement or place; the name is next to them, before or after.
    static let areas: KeySet = WordSets.keys("""
        गांव गाँव गाव ग्राम मौजा मोहल्ला मुहल्ला टोला टोली चौक चौराहा बाजार बजार हाट नगर कॉलोनी बस्ती पंचायत वार्ड मोड़ \
        gaon gaw gav gao village vill mohalla muhalla mohala tola toli chowk chouk chauk chowraha bazar bazaar baazar \
        market haat hat nagar colony basti panchayat ward mod
        """)
    /// Words that usually come before the name ("ग्राम रामपुर", "village Rampur").
    static let leading: KeySet = WordSets.keys("ग्राम मौजा मोहल्ला मुहल्ला वार्ड village vill mohalla muhalla ward")
    /// Landmarks: the name comes before them ("शिव मंदिर", "middle school").
    static let landmarks: KeySet = WordSets.keys("""
        स्कूल विद्यालय मंदिर मस्जिद पुल पुलिया बांध नहर तालाब पोखर पोखरा स्टेशन स्टैंड अस्पताल पंप ढाबा होटल मैदान बगीचा बगान \
        जंगल घाट नदी दियारा कॉलेज भवन ब्लॉक गुमटी गोदाम फैक्ट्री मिल कब्रिस्तान श्मशान खेत बाग \
        school vidyalay mandir masjid pul puliya bridge bandh bandha baandh canal nahar talab pokhar pokhra station stand \
        hospital pump dhaba hotel maidan ground bagicha bagan garden jungle jangal ghat river nadi diara diyara college \
        bhawan bhavan block gumti godown godaam factory mill khet bagh
        """)
    static let postpositions: [[UInt64]] = [
        "के पास", "के पीछे", "के सामने", "के बगल", "के नजदीक", "के अंदर", "के किनारे", "के बगल में", "के पास में",
        "के आगे", "में", "ke pas", "ke paas", "ke piche", "ke peeche", "ke samne", "ke bagal", "ke najdik", "ke andar",
        "ke kinare", "ke aage", "me", "mein", "ke pass", "lage", "ke lage", "के लगे",
    ].map { p in Document(p).tokens.map(\.hash) }
    static let highway: KeySet = WordSets.keys("nh एनएच")
    static let stateHighway: KeySet = WordSets.keys("sh")
    static let near: KeySet = WordSets.keys("near behind opposite beside नियर")

    static func extract(_ doc: Document, blocked: [Bool]) -> [String] {
        spans(doc, blocked: blocked).map(\.text)
    }

    /// Each found text with the tokens it spans.
    static func spans(_ doc: Document, blocked: [Bool]) -> [(text: String, tokens: ClosedRange<Int>)] {
        let t = doc.tokens
        var out: [String] = []
        var spans: [ClosedRange<Int>] = []
        func nameLike(_ k: Int) -> Bool {
            guard k >= 0, k < t.count, !blocked[k] else { return false }
            let kind = t[k].kind
            guard kind == .latin || kind == .devanagari || kind == .alnum else { return false }
            return !WordSets.stop.contains(t[k]) && !areas.contains(t[k])
                && !TimeExtractor.timeWords.contains(t[k])
        }
        func add(_ a: Int, _ b: Int) {
            let s = doc.text(tokens: a, b)
            if !out.contains(where: { TextSearch.contains($0, s) ?? $0.contains(s) }) {
                for k in out.indices.reversed() where TextSearch.contains(s, out[k]) ?? s.contains(out[k]) {
                    out.remove(at: k)
                    spans.remove(at: k)
                }
                out.append(s)
                spans.append(a...b)
            }
        }
        /// Extends a place ending at token `b` over a following "के पास"/"ke piche" (not a bare "में").
        func withPostposition(_ b: Int) -> Int {
            for p in postpositions where p.count >= 2 && b + p.count < t.count {
                if !t[b + 1].breakBefore, (0..<p.count).allSatisfy({ t[b + 1 + $0].hash == p[$0] }) { return b + p.count }
            }
            return b
        }
        func backName(_ i: Int, max: Int) -> Int? {
            var k = i - 1
            var first: Int?
            var n = 0
            while n < max, nameLike(k), !t[k + 1].breakBefore {
                // a second Latin word joins only when capitalised ("Shiv Mandir", not "aadmi Shiv mandir")
                if n > 0, t[k].kind == .latin, !(doc.scalars[t[k].start].properties.isUppercase) { break }
                first = k
                n += 1
                k -= 1
            }
            return first
        }
        for i in t.indices {
            if highway.contains(t[i]) || stateHighway.contains(t[i]) && i + 1 < t.count && t[i + 1].kind == .number {
                if i + 1 < t.count, t[i + 1].kind == .number, !t[i + 1].breakBefore { add(i, i + 1) }
                continue
            }
            if t[i].kind == .alnum, t[i].lower.hasPrefix("nh") { add(i, i); continue }
            if areas.contains(t[i]) {
                if leading.contains(t[i]), nameLike(i + 1), !t[i + 1].breakBefore {
                    let end = nameLike(i + 2) && !t[i + 2].breakBefore && !areas.contains(t[i + 2]) ? i + 2 : i + 1
                    add(i, withPostposition(end))
                } else if let a = backName(i, max: 2) {
                    add(a, withPostposition(i))
                } else if nameLike(i + 1), i + 1 < t.count, !t[i + 1].breakBefore {
                    add(i, withPostposition(i + 1))
                }
            } else if landmarks.contains(t[i]) {
                let a = backName(i, max: 2) ?? i
                let b = withPostposition(i)
                if a < i || b > i { add(a, b) }
            } else if near.contains(t[i]), nameLike(i + 1), !t[i + 1].breakBefore {
                var b = i + 1
                while b + 1 < t.count, b < i + 3, !t[b + 1].breakBefore, nameLike(b + 1) || landmarks.contains(t[b + 1]) || areas.contains(t[b + 1]) { b += 1 }
                add(i, b)
            } else if postpositions.contains(where: { $0.count >= 2 && $0[0] == t[i].hash }) {
                // "रमेश के घर के पास": a short noun phrase before a "के पास"
                let b = withPostposition(i - 1)
                if b > i - 1, let a = backName(i, max: 2), !out.contains(where: { o in
                    let s = doc.text(tokens: a, b)
                    return TextSearch.contains(o, s) ?? o.contains(s)
                }) {
                    add(a, b)
                }
            }
        }
        return Array(zip(out, spans))
    }
}
