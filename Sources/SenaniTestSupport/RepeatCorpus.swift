// RepeatCorpus: generated tips for judging repeat linking, shared by TipAnalysisTests and senani-bench.

/// Distinct tips written from shared templates (different person, village, phone, vehicle, booth; word overlap at
/// most `maxOverlap` with every other tip) and true repeats (a tip forwarded again with a header, emojis, a typo,
/// "sir please action", or its sentences reordered). Deterministic for a seed.
public struct RepeatCorpus: Sendable {
    /// Word-set Jaccard overlap no two distinct tips exceed.
    public static let maxOverlap = 0.6

    public var distinct: [String] = []
    /// (original, the same tip told again)
    public var repeats: [(String, String)] = []

    /// `fixedWording`: every tip of a template uses its first wording, so siblings differ only in their facts (person,
    /// village, phone, vehicle, booth, quantity); use it with `maxOverlap: 1` to test that facts keep them apart.
    public init(distinct count: Int = 1_200, repeats repeatCount: Int = 400, seed: UInt64 = 9,
         maxOverlap: Double = RepeatCorpus.maxOverlap, fixedWording: Bool = false) {
        var rng = SplitMix(seed)
        var accepted: [[UInt64]] = []
        var attempts = 0
        while distinct.count < count && attempts < count * 40 {
            attempts += 1
            let template = RepeatCorpus.templates[distinct.count % RepeatCorpus.templates.count]
            let text = RepeatCorpus.fill(template, &rng, fixedWording: fixedWording)
            let words = RepeatCorpus.wordSet(text)
            if accepted.contains(where: { RepeatCorpus.jaccard($0, words) > maxOverlap }) { continue }
            accepted.append(words)
            distinct.append(text)
        }
        for k in 0..<min(repeatCount, distinct.count) {
            let original = distinct[(k * 7) % distinct.count]
            repeats.append((original, RepeatCorpus.retell(original, &rng)))
        }
    }

    // MARK: the same tip told again

    static let headers = ["Forwarded as received\n", "*URGENT*\n", "Fwd: ", "[12/03, 9:14 pm] Raju: ", "‼️URGENT‼️ ",
                          "Forwarded\n", "*सूचना* ", "Sir dekhiye: "]
    static let endings = [" 🙏🙏", " 🚨🚨", " sir please action", " sir please action lijiye", " कृपया कार्रवाई करें 🙏",
                          " jaldi dekhiye sir", " please take action sir", " 🙏"]

    public static func retell(_ text: String, _ rng: inout SplitMix) -> String {
        var out = text
        // 1-3 changes, applied in the order they happen to a forward: edits to the text, then what is added around it
        var kinds: [Int] = []
        for _ in 0..<(1 + Int(rng.next() % 3)) {
            let kind = Int(rng.next() % 5)
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        for kind in [3, 2, 4, 0, 1] where kinds.contains(kind) {
            switch kind {
            case 0: out = headers[Int(rng.next() % UInt64(headers.count))] + out
            case 1: out += endings[Int(rng.next() % UInt64(endings.count))]
            case 2: out = typo(out, &rng)
            case 3: out = reorder(out, &rng)
            default: out = String(out.map { $0 == "," ? " " : $0 })
            }
        }
        return out
    }

    /// One typo in one word of four or more letters: a letter dropped, doubled, or swapped with the next.
    static func typo(_ text: String, _ rng: inout SplitMix) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let candidates = words.indices.filter { i in
            let w = words[i]
            return w.unicodeScalars.count >= 4 && w.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
        }
        guard !candidates.isEmpty else { return text }
        let i = candidates[Int(rng.next() % UInt64(candidates.count))]
        var s = Array(words[i].unicodeScalars)
        let p = 1 + Int(rng.next() % UInt64(s.count - 2))
        switch rng.next() % 3 {
        case 0: s.remove(at: p)
        case 1: s.insert(s[p], at: p)
        default: s.swapAt(p, p + 1)
        }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        words[i] = String(v)
        return words.joined(separator: " ")
    }

    /// The clauses (split at commas and sentence ends) in another order.
    static func reorder(_ text: String, _ rng: inout SplitMix) -> String {
        var parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "।" }).map {
            String($0).trimmedSpaces
        }.filter { !$0.isEmpty }
        guard parts.count >= 2 else { return text }
        let k = 1 + Int(rng.next() % UInt64(parts.count - 1))
        parts = Array(parts[k...] + parts[..<k])
        return parts.joined(separator: ", ")
    }

    // MARK: templates

    /// `{a|b}` picks one; `<P>` person, `<PD>` person in Devanagari, `<V>`/`<VD>` village, `<PH>` phone, `<VH>`
    /// vehicle mark, `<B>` booth number, `<Q>` a quantity.
    public static let templates = [
        "{farar|faraar|wanted|inami} {apradhi|aaropi|mujrim} <P> {abhi|aaj raat|kal se} <V> {me|gaon me} {apne sasural me|apni bahan ke ghar|ek khali makaan me|bagiche wale ghar me} {chhupa hai|ruka hua hai|reh raha hai}, {uska number|mobile|phone no} <PH>",
        "{Absconding|Wanted|Reward-carrying} {accused|criminal|history-sheeter} <P> is {hiding|staying|living} {at his in-laws' house|in a rented room|in a farmhouse|at a relative's place} in <V> {since Monday|for two days|tonight|right now}, {his phone is|he uses} <PH>",
        "{फरार|वांछित|इनामी} {अपराधी|अभियुक्त|आरोपी} <PD> {अभी|आज रात|कल से} <VD> {गांव में|में} {अपने ससुराल|अपनी बहन के घर|एक खाली मकान|बगीचे वाले घर} में {छिपा है|रुका हुआ है|रह रहा है}, {उसका नंबर|मोबाइल} <PH>",
        "<V> {me|gaon me} <P> {ke ghar|ki dukan|ke godam|ke bathan} {me|se} {daru|sharab|mahua daru|angrezi sharab} {bik rahi hai|bechi ja rahi hai|ka dhandha chal raha hai}, {<Q> peti|<Q> litre|<Q> bottle} {rakha hai|stock hai}, {gaadi|pickup|bike} <VH> se {aata hai|supply hoti hai}",
        "<VD> {गांव|टोला} में <PD> {के घर|की दुकान|के गोदाम} में {दारू|शराब|महुआ शराब} {बिक रही है|बेची जा रही है}, {<Q> पेटी|<Q> लीटर} {रखी है|स्टॉक है}, {गाड़ी|पिकअप} <VH> से {आती है|सप्लाई होती है}",
        "{Country liquor|Illegal liquor|Mahua liquor} is {sold|stored|brewed} at <P>'s {house|shop|cattle shed} in <V>, {a pickup|a Bolero|a bike} <VH> {brings|delivers} {<Q> cartons|<Q> litres} {every night|on Sundays|twice a week}, {call|contact|number} <PH>",
        "<P> {and his men are|is} {distributing cash|handing out money|giving sarees and cash} to voters near booth <B> in <V> {tonight|since evening|right now}, {his number|phone} <PH>",
        "booth {no|number|sankhya} <B> <V> me <P> {ke log|ke supporter|ke aadmi} {paisa baant rahe hai|daru baant rahe hai|voters ko dhamka rahe hai}, {gaadi|Scorpio|Bolero} <VH> {me ghoom rahe hai|se aaye hai}",
        "<VD> में बूथ संख्या <B> पर <PD> {के लोग|के समर्थक} {पैसे बांट रहे हैं|मतदाताओं को धमका रहे हैं|साड़ी बांट रहे हैं}, {गाड़ी|स्कॉर्पियो} <VH>, {नंबर|मोबाइल} <PH>",
        "{My|Our|A} {motorcycle|bike|tractor|buffalo|e-rickshaw} was stolen from <V> {market|chowk|bus stand} {last night|this morning|an hour ago}, the thieves used {a pickup|a bike|an auto} <VH>, {suspect|one of them is called|a man named} <P>",
        "<P> {naam ka aadmi|bolke ek banda|jo khud ko bank officer batata hai} <V> ke {logo se|kisano se|mahilao se} {OTP leke|KYC ke naam pe|loan ke naam pe} {paise thag raha hai|fraud kar raha hai}, {number|mobile} <PH>",
        "<VD> {में|गांव में} <PD> {के बगीचे|के घर|के खलिहान} में {जुआ चलता है|कट्टा बनता है|गांजा बिकता है}, {रोज रात|हर शाम|शनिवार को} {बाहर के लोग|लड़के} {आते हैं|जुटते हैं}, {बाइक|गाड़ी} <VH>",
        "{A dead body|An unidentified body} {was found|is lying} {near|behind|under} the {bridge|canal|culvert|temple} in <V>, {villagers say|locals say} <P> {was last seen there|had a fight there} {yesterday|on Sunday}, {his brother's number|contact} <PH>",
        "<V> ghat par raat me <P> {ke tractor|ke hiwa|ke log} {balu nikal rahe hai|avaidh khanan kar rahe hai}, {gaadi|truck} <VH>, {contact|number} <PH>",
    ]

    static let firstNames = ["Ramesh", "Suresh", "Mukesh", "Pappu", "Guddu", "Sonu", "Monu", "Bablu", "Chhotu", "Rajesh",
                             "Dinesh", "Umesh", "Santosh", "Manoj", "Pintu", "Bittu", "Golu", "Raju", "Sanjay", "Ajay",
                             "Vijay", "Rakesh", "Mahesh", "Ganesh", "Dilip", "Arvind", "Shambhu", "Kundan", "Chandan",
                             "Vikas", "Ravi", "Amit", "Sunil", "Anil", "Lallan", "Bhola", "Munna", "Kailash", "Rambabu",
                             "Satish", "Nitish", "Pankaj", "Deepak", "Ranjit", "Sudama", "Jitendra", "Kanhaiya", "Bablu"]
    static let surnames = ["Yadav", "Paswan", "Singh", "Sah", "Rai", "Mahto", "Kumar", "Ram", "Sahni", "Mandal", "Paswan",
                           "Thakur", "Pandey", "Mishra", "Choudhary", "Manjhi", "Ansari", "Khan"]
    static let firstNamesDeva = ["रमेश", "सुरेश", "मुकेश", "पप्पू", "गुड्डू", "सोनू", "मोनू", "बबलू", "छोटू", "राजेश", "दिनेश",
                                 "उमेश", "संतोष", "मनोज", "पिंटू", "बिट्टू", "गोलू", "राजू", "संजय", "अजय", "विजय", "राकेश",
                                 "महेश", "दिलीप", "अरविंद", "शंभू", "कुंदन", "चंदन", "विकास", "रवि", "अमित", "सुनील",
                                 "ललन", "भोला", "मुन्ना", "कैलाश", "रामबाबू", "सतीश", "पंकज", "दीपक", "रंजीत", "सुदामा"]
    static let surnamesDeva = ["यादव", "पासवान", "सिंह", "साह", "राय", "महतो", "कुमार", "राम", "सहनी", "मंडल", "ठाकुर",
                               "पांडे", "मिश्रा", "चौधरी", "मांझी", "अंसारी", "खान"]
    static let villages = ["Rampur", "Sohanpur", "Bhagwanpur", "Chakia", "Belwa", "Harpur", "Kusumbhara", "Madhopur",
                           "Parsa", "Dumri", "Barauli", "Mahuli", "Kharika", "Sonbarsa", "Amarpur", "Bairiya", "Kanti",
                           "Lalganj", "Fatehpur", "Sakra", "Barhara", "Bishunpur", "Jogiya", "Ratwara", "Maner", "Jandaha",
                           "Majhauli", "Parsauni", "Kurhani", "Kotwa", "Mahesara", "Belsand", "Pakridayal", "Basantpur",
                           "Kalyanpur", "Narha", "Sugauli", "Bhore", "Daudnagar", "Chainpur", "Patahi", "Turki", "Motipur",
                           "Piprakothi", "Keshariya", "Nautan", "Pipra", "Siswan", "Mehsi", "Dhaka", "Raxaul", "Areraj",
                           "Sikta", "Bhelahi", "Kachhwa", "Chandi", "Mohanpur", "Rasulpur", "Bela", "Dharhara"]
    static let villagesDeva = ["रामपुर", "सोहनपुर", "भगवानपुर", "चकिया", "बेलवा", "हरपुर", "कुसुंभरा", "माधोपुर", "परसा",
                               "डुमरी", "बरौली", "महुली", "खरीका", "सोनबरसा", "अमरपुर", "बैरिया", "कांटी", "लालगंज",
                               "फतेहपुर", "सकरा", "बड़हरा", "बिशुनपुर", "जोगिया", "रतवारा", "मनेर", "जंदाहा", "मझौली",
                               "परसौनी", "कुढ़नी", "कोटवा", "महेसरा", "बेलसंड", "बसंतपुर", "कल्याणपुर", "नरहा", "सुगौली",
                               "भोरे", "दाउदनगर", "चैनपुर", "पताही", "तुर्की", "मोतीपुर", "केसरिया", "नौतन", "पिपरा"]
    static let vehicleSeries = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T",
                                "AB", "AK", "AP", "BT", "CK", "DX", "EQ", "GA", "GD", "PA", "PJ", "PL", "AJ", "AH"]

    public static func fill(_ template: String, _ rng: inout SplitMix, fixedWording: Bool = false) -> String {
        func pick(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
        var out = ""
        var s = Substring(template)
        while let c = s.first {
            if c == "{", let close = s.firstIndex(of: "}") {
                let options = s[s.index(after: s.startIndex)..<close].split(separator: "|").map(String.init)
                out += fill(fixedWording ? options[0] : pick(options), &rng, fixedWording: fixedWording)
                s = s[s.index(after: close)...]
            } else if c == "<", let close = s.firstIndex(of: ">") {
                switch s[s.index(after: s.startIndex)..<close] {
                case "P": out += pick(firstNames) + " " + pick(surnames)
                case "PD": out += pick(firstNamesDeva) + " " + pick(surnamesDeva)
                case "V": out += pick(villages)
                case "VD": out += pick(villagesDeva)
                case "PH":
                    var d = String(6 + rng.next() % 4)
                    for _ in 0..<9 { d += String(rng.next() % 10) }
                    out += d
                case "VH":
                    out += "BR \(10 + rng.next() % 40) \(pick(vehicleSeries)) \(1000 + rng.next() % 9000)"
                case "B": out += String(1 + rng.next() % 250)
                default: out += String(5 + rng.next() % 60)
                }
                s = s[s.index(after: close)...]
            } else {
                out.append(c)
                s = s.dropFirst()
            }
        }
        return out
    }

    // MARK: word overlap

    /// Hashes of the lower-cased words (letters and digits) of `text`, sorted and unique.
    public static func wordSet(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        for w in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) }) }) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in w.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            out.append(h)
        }
        out.sort()
        var unique: [UInt64] = []
        for h in out where unique.last != h { unique.append(h) }
        return unique
    }

    /// Jaccard overlap of two sorted unique word sets.
    public static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0, j = 0, both = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { both += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - both
        return union == 0 ? 0 : Double(both) / Double(union)
    }
}

/// SplitMix64: a tiny seeded generator, the same on every platform.
public struct SplitMix {
    var state: UInt64
    public init(_ seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    fileprivate var trimmedSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\n" { s = s.dropFirst() }
        while s.last == " " || s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
