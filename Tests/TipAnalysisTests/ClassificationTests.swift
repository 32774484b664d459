import Foundation
import Testing
@testable import TipAnalysis

/// Hand-written hard cases (not from the corpus): tips without the obvious word, chatter full of category words,
/// dialect and Hinglish spelling variants.
@Suite struct ClassificationTests {
    let analyzer = TipAnalyzer()

    @Test(arguments: [
        ("रात में पिकअप से गत्ते उतर रहे थे, महुआ की बदबू आ रही थी", TipCategory.liquor),
        ("gaon me daaru bik rahi hai sir, Ramesh ke ghar pe", .liquor),
        ("Sir hamare tola me bhathi chal rahi hai roj raat", .liquor),
        ("हमरा गांव में दारू बिकाता, रोज सांझ के लोग पी के हल्ला करत बा", .liquor),
        ("पुरनका पुल के लगे ताड़ी आ महुआ बेचल जा रहल बा", .liquor),
        ("sharaab ki home delivery ho rahi hai Bike se, number 9876543210", .liquor),
        ("फरार अपराधी मुकेश यादव अभी अपने ससुराल में छिपा है", .wantedCriminal),
        ("faraar aaropi Pappu kal raat se gaon me ghum raha hai", .wantedCriminal),
        ("इनामी बदमाश बस स्टैंड पर देखा गया है अभी", .wantedCriminal),
        ("बूथ संख्या 112 पर कब्जा करने की तैयारी है, बाहर के लड़के हथियार लेकर आए हैं", .electionDisturbance),
        ("mukhiya ji ke log raat me vote ke liye paisa baant rahe hai", .electionDisturbance),
        ("प्रत्याशी के समर्थक मतदाताओं को धमका रहे हैं कि वोट नहीं दिया तो गांव छोड़ना पड़ेगा", .electionDisturbance),
        ("स्कूल के पीछे रोज शाम जुआ खेला जाता है, बड़े पैसे का", .other),
        ("नदी से रात में अवैध बालू का उठाव हो रहा है, ट्रैक्टर से", .other),
        ("Someone is selling ganja near the bus stand every evening", .other),
    ])
    func tips(_ text: String, _ category: TipCategory) {
        let a = analyzer.analyze(text)
        #expect(a.isTip, "\(text) -> \(a)")
        #expect(a.category == category, "\(text) -> \(a.category) \(a.evidence)")
        #expect(!a.evidence.isEmpty)
    }

    @Test(arguments: [
        "शराबबंदी कानून अच्छा है, इससे गांव में शांति है",
        "पुलिस ने छापेमारी कर 200 लीटर शराब जब्त की और दो धंधेबाजों को गिरफ्तार किया",
        "Police ne faraar apradhi ko giraftar kar jail bheja",
        "विधानसभा चुनाव के पहले चरण का मतदान 6 नवंबर को होगा, सभी मतदाता वोट अवश्य करें",
        "ईंट भट्ठा पर मजदूरों की आवश्यकता है, अच्छा वेतन, संपर्क करें",
        "जय हिंद सर 🙏",
        "good morning sir ji",
        "शराब की सूचना कैसे दें? कोई नंबर है क्या?",
        "धन्यवाद सर, आपकी टीम ने बहुत जल्दी कार्रवाई की",
        "नशा मुक्ति अभियान के तहत स्कूल में जागरूकता कार्यक्रम आयोजित",
        "https://bit.ly/3xFreeRecharge",
    ])
    func notTips(_ text: String) {
        let a = analyzer.analyze(text)
        #expect(!a.isTip, "\(text) -> \(a.category) \(a.confidence) \(a.evidence)")
    }

    /// "khabar" is news in a headline but information in a tip: "police ko khabar nahi" is how many tips end.
    @Test func informationIsNotNews() {
        for text in ["gaon me satta chal raha hai, police ko khabar nahi", "पुलिस को खबर नहीं है, रोज रात स्कूल के पीछे जुआ होता है"] {
            let a = analyzer.analyze(text)
            #expect(a.decision != .notTip, "\(text) -> \(a.decision) \(a.confidence) \(a.evidence)")
        }
        #expect(analyzer.analyze("बड़ी खबर: पुलिस ने 50 लीटर शराब जब्त की, दो गिरफ्तार").decision == .notTip)
    }

    /// One word is no tip: a village or thana name typed alone (the answer to "which thana?") tells an officer
    /// nothing, and a single strong word is at most a possible tip.
    @Test func oneWordIsNeverATip() {
        for text in ["Gogri", "bairiya", "Sonbarsa", "सदर", "Pintu"] {
            #expect(analyzer.analyze(text).decision == .notTip, "\(text)")
        }
        #expect(analyzer.analyze("दारू").decision != .tip)
    }

    @Test func labelsCanBeSeveral() {
        let a = analyzer.analyze("वोट के लिए मुखिया प्रत्याशी के लोग रात में गांव में शराब और पैसे बांट रहे हैं")
        #expect(a.isTip)
        #expect(a.labels.contains(.electionDisturbance))
        #expect(a.labels.contains(.liquor))
    }

    @Test func confidenceIsAProbability() {
        for text in ["daru bik rahi hai", "jai hind", "फरार अपराधी गांव में है"] {
            let c = analyzer.analyze(text).confidence
            #expect(c >= 0 && c <= 1)
        }
    }
}

/// The three decisions, their JSON, and the messages issue 9 found judged "not a tip".
@Suite struct DecisionTests {
    let analyzer = TipAnalyzer()

    @Test(arguments: [
        "Ramesh Yadav is handing out cash to voters near booth 112 in Rampur village",
        "Manoj Singh giving money to voters at booth no 45 in Sohanpur",
        "My bike was stolen from Rampur market, Hero Splendor BR 01 AB 1234",
        "पुल के नीचे एक लाश पड़ी है",
        "ATM me ek device fasa hua hai, SBI ATM station road",
    ])
    func issueExamplesReachAnOfficer(_ text: String) {
        let a = analyzer.analyze(text)
        #expect(a.decision != .notTip, "\(text) -> \(a.decision) \(a.confidence)")
        #expect(a.suggestedCategory != .none)
        #expect(!a.labels.isEmpty)
    }

    @Test func decisionsAreConsistent() {
        for text in ["जय हिंद सर 🙏", "गांव रामपुर में दारू बिक रही है सर", "kal bijli nahi thi", "daru"] {
            let a = analyzer.analyze(text)
            #expect(a.isTip == (a.decision == .tip))
            #expect(a.category == (a.decision == .tip ? a.suggestedCategory : .none))
            #expect(a.decision == .notTip ? a.suggestedCategory == .none && a.labels.isEmpty : a.suggestedCategory != .none)
            #expect(a.confidence >= 0 && a.confidence <= 1)
        }
    }

    @Test func thresholdsComeFromTraining() {
        let c = analyzer.calibration
        #expect(c.possibleThreshold > 0 && c.possibleThreshold < c.tipThreshold && c.tipThreshold < 1)
        #expect(c.a > 0)
    }

    @Test func jsonCarriesTheDecision() throws {
        let a = analyzer.analyze("गांव रामपुर में दारू बिक रही है सर, रमेश के घर में")
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(a)) as? [String: Any]
        #expect(object?["decision"] as? String == a.decision.rawValue)
        #expect(object?["is_tip"] as? Bool == a.isTip)
        #expect(object?["suggested_category"] as? String == a.suggestedCategory.rawValue)
        #expect((object?["repeat_key"] as? String)?.isEmpty == false)
        // JSON from before the decision existed still reads
        var legacy = object ?? [:]
        legacy["decision"] = nil
        legacy["suggested_category"] = nil
        legacy["repeat_key"] = nil
        let old = try JSONDecoder().decode(TipAnalysis.self, from: JSONSerialization.data(withJSONObject: legacy))
        #expect(old.decision == (a.isTip ? .tip : .notTip))
    }

    @Test func calibrationFitsAndPicksThresholds() {
        // scores where higher means tip; Platt keeps the order, the thresholds meet their targets
        let s = (0..<200).map { Double($0 - 100) / 20 }
        let y = s.map { $0 > -0.5 }
        let (a, b) = Calibration.fitPlatt(s, y)
        let c = Calibration(a: a, b: b)
        #expect(a > 0)
        #expect(c.probability(3) > 0.9 && c.probability(-3) < 0.1)
        let p = s.map { c.probability($0) }
        let t = Calibration.thresholds(p, y, recall: 0.99, precision: 0.97)
        let found = zip(p, y).filter { $0.1 && $0.0 >= t.possible }.count
        #expect(Double(found) / Double(y.filter { $0 }.count) >= 0.99)
        #expect(t.possible <= t.tip)
        #expect(EvaluationReport.expectedCalibrationError([(0.9, true), (0.9, false)]) > 0.3)
    }
}
