import Testing
@testable import TipAnalysis

@Suite struct ExtractionTests {
    let analyzer = TipAnalyzer()

    @Test func places() {
        #expect(analyzer.analyze("ग्राम रामपुर में दारू बिक रही है").places == ["ग्राम रामपुर"])
        #expect(analyzer.analyze("रामपुर गांव में दारू बिक रही है").places == ["रामपुर गांव"])
        #expect(analyzer.analyze("पुराने पुल के पास भट्ठी चल रही है").places == ["पुराने पुल के पास"])
        #expect(analyzer.analyze("Shiv mandir ke paas daru bik rahi").places == ["Shiv mandir ke paas"])
        #expect(analyzer.analyze("NH-31 पर ट्रक खड़ा है").places == ["NH-31"])
        #expect(analyzer.analyze("near Rampur school liquor is sold").places == ["near Rampur school"])
        #expect(analyzer.analyze("स्टेशन चौक पर").places == ["स्टेशन चौक"])
    }

    @Test func quantities() {
        #expect(analyzer.analyze("50 लीटर महुआ").quantities == ["50 लीटर"])
        #expect(analyzer.analyze("20 peti sharab aur 5 kg ganja").quantities == ["20 peti", "5 kg"])
        #expect(analyzer.analyze("दो बोरा गांजा").quantities == ["दो बोरा"])
        #expect(analyzer.analyze("50-60 लीटर").quantities == ["50-60 लीटर"])
        #expect(analyzer.analyze("20ltr daru").quantities == ["20ltr"])
        #expect(analyzer.analyze("BR 34 AB 1234 से 50 लीटर").quantities == ["50 लीटर"])
    }

    @Test func times() {
        #expect(analyzer.analyze("आज रात 10 बजे गाड़ी आएगी").times == ["आज रात 10 बजे"])
        #expect(analyzer.analyze("kal subah aayega").times == ["kal subah"])
        #expect(analyzer.analyze("abhi bik rahi hai").times == ["abhi"])
    }

    @Test func booths() {
        #expect(analyzer.analyze("बूथ संख्या 112 पर कब्जा").booths == ["112"])
        #expect(analyzer.analyze("booth no 45 pe paisa").booths == ["45"])
        #expect(analyzer.analyze("booth sankhya 56 par mukhiya ke log paise baant rahe hain").booths == ["56"])
        #expect(analyzer.analyze("booth nambar 9 pe dhamki").booths == ["9"])
        #expect(analyzer.analyze("मतदान केंद्र संख्या 7 पर").booths == ["7"])
    }

    @Test func persons() {
        #expect(analyzer.analyze("राजू यादव नामक व्यक्ति दारू बेचता है").persons == ["राजू यादव"])
        #expect(analyzer.analyze("Pappu naam ka aadmi").persons == ["Pappu"])
        #expect(analyzer.analyze("Sonu Paswan S/O Bhagwan Paswan kal aaya").persons == ["Sonu Paswan", "Bhagwan Paswan"])
        #expect(analyzer.analyze("मुन्ना उर्फ राकेश पिता सुरेश यादव").persons == ["मुन्ना उर्फ राकेश", "सुरेश यादव"])
    }
}
