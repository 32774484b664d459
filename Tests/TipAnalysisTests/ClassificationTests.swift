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
