import Testing
@testable import TipAnalysis

@Suite struct LanguageTests {
    func language(_ s: String) -> TipLanguage { TipAnalyzer().analyze(s).language }

    @Test func devanagariIsHindi() {
        #expect(language("गांव में दारू बिक रही है") == .hi)
        #expect(language("BR01AB1234 गाड़ी से SHO साहब को बताना है कि शराब आ रही है") == .hi)
        #expect(language("सर जी हमरा गांव में दारू बिकाता") == .hi)
    }

    @Test func latinHindiIsHinglish() {
        #expect(language("gaon me daru bik rahi hai") == .hinglish)
        #expect(language("Sir kal raat se bhatti chalu hai") == .hinglish)
        #expect(language("ok sir") == .hinglish)
    }

    @Test func english() {
        #expect(language("Illegal liquor is being sold near the school every night") == .en)
        #expect(language("Thanks") == .en)
        #expect(language("https://bit.ly/xyz") == .en)
    }

    @Test func mixedScripts() {
        #expect(language("Sir bijli 2 दिन से नहीं है, JE को call किया पर कोई response नहीं") == .mixed)
        #expect(language("Daru पीकर drive करने से accident होता है") == .mixed)
    }
}
