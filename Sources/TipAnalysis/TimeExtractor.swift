/// Finds when something happens, as written: "आज रात 10 बजे", "kal subah", "abhi", "रोज शाम".
enum TimeExtractor {
    static let timeWords: KeySet = WordSets.keys("""
        आज कल परसों रोज रोजाना प्रतिदिन हर रात रात्रि सुबह शाम दोपहर भोर आधी अभी तुरंत बजे बजकर बज सवेरे देर सोमवार मंगलवार बुधवार \
        गुरुवार शुक्रवार शनिवार रविवार इतवार दिन रात्रि साँझ सांझ बिहान भिनसारे आजु काल्ह \
        aaj kal parso parson roj roz rojana rozana daily har raat rat subah subha sham shaam dopahar dupahar bhor abhi \
        turant baje bje bajay today tonight tomorrow yesterday night morning evening afternoon midnight now am pm \
        monday tuesday wednesday thursday friday saturday sunday somvar mangalvar budhvar guruvar shukravar shanivar \
        ravivar
        """)

    /// Words that may sit inside a time phrase without ending it.
    static let fillers: KeySet = WordSets.keys("को में के लगभग करीब से तक ko me mein ke lagbhag karib se tak at around about by")

    /// Words that make a time phrase on their own.
    static let anchors: KeySet = WordSets.keys("""
        आज कल परसों रोज रोजाना प्रतिदिन रात सुबह शाम दोपहर भोर अभी बजे aaj kal parso roj roz rojana rozana daily raat \
        subah sham shaam dopahar abhi baje bje tonight tomorrow yesterday night morning evening midnight now pm am
        """)

    static func extract(_ doc: Document) -> [String] {
        let t = doc.tokens
        var out: [String] = []
        var i = 0
        while i < t.count {
            guard isTime(t, i) else { i += 1; continue }
            var end = i
            var hasAnchor = anchors.contains(t[i]) || t[i].kind == .alnum
            var j = i + 1
            while j < t.count, !t[j].breakBefore {
                if isTime(t, j) {
                    end = j
                    hasAnchor = hasAnchor || anchors.contains(t[j]) || t[j].kind == .alnum
                } else if !(fillers.contains(t[j]) || (t[j].kind == .number && j + 1 < t.count && isClockUnit(t[j + 1]))) {
                    break
                }
                j += 1
            }
            if hasAnchor {
                let s = doc.text(tokens: i, end)
                if !out.contains(s) { out.append(s) }
            }
            i = end + 1
        }
        return out
    }

    static let clockUnits: KeySet = WordSets.keys("बजे baje bje pm am बजकर")
    static let every: KeySet = WordSets.keys("हर har")

    private static func isClockUnit(_ t: Token) -> Bool { clockUnits.contains(t) }

    /// A time word, a number followed by बजे/baje/pm, or a glued "10pm"/"10baje".
    private static func isTime(_ t: [Token], _ i: Int) -> Bool {
        // fields read in place: copying a Token retains its two strings
        if timeWords.contains(t[i]) {
            // "kal" alone is ambiguous only in theory; "har" must be followed by a time word ("har raat")
            if every.contains(t[i]) { return i + 1 < t.count && timeWords.contains(t[i + 1]) }
            return true
        }
        let kind = t[i].kind
        if kind == .number, i + 1 < t.count, !t[i + 1].breakBefore || t[i + 1].start - t[i].end == 1, isClockUnit(t[i + 1]) {
            return true
        }
        if kind == .alnum {
            let l = t[i].lower
            return l.hasSuffix("pm") || l.hasSuffix("am") || l.hasSuffix("baje") || l.hasSuffix("bje") || l.hasSuffix("बजे")
        }
        return false
    }
}
