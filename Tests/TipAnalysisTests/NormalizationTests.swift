import Testing
@testable import TipAnalysis

@Suite struct NormalizationTests {
    func cleaned(_ s: String) -> String { String(String.UnicodeScalarView(Normalizer.clean(s))) }
    func keys(_ s: String) -> [String] { Document(s).tokens.map(\.key) }

    @Test func forwardHeadersAreStripped() {
        #expect(cleaned("[23/11, 10:42 pm] Ramesh Kumar: daru bik rahi hai") == "daru bik rahi hai")
        #expect(cleaned("Forwarded\nदारू बिक रही है") == "दारू बिक रही है")
        #expect(cleaned("Fwd: दारू बिक रही है") == "दारू बिक रही है")
        #expect(cleaned("*Forwarded as received*\nदारू") == "दारू")
        #expect(cleaned("Fwd: [23/11, 10:42 pm] Ramesh: daru") == "daru")
        #expect(cleaned("Forwarded as received daru bik rahi") == "daru bik rahi")
    }

    @Test func invisibleAndControlCharactersGo() {
        #expect(cleaned("दा\u{200D}रू\u{200C} बिक\u{200B}") == "दारू बिक")
        #expect(cleaned("a\u{0007}b\u{202E}c\u{200F}") == "a bc")
        #expect(cleaned("  a   b  ") == "a b")
    }

    @Test func devanagariDigitsBecomeAscii() {
        #expect(cleaned("९८७६५४३२१०") == "9876543210")
    }

    @Test func spellingVariantsMeet() {
        #expect(keys("daru")[0] == keys("daaru")[0])
        #expect(keys("dāru")[0] == keys("daru")[0])
        #expect(keys("sharaab")[0] == keys("sharab")[0])
        #expect(keys("bhathi")[0] == keys("bhatti")[0])
        #expect(keys("faraar")[0] == keys("farar")[0])
        #expect(keys("sirrrr")[0] == keys("sir")[0])
        #expect(keys("abhiii")[0] == keys("abhi")[0])
        #expect(keys("zabt")[0] == keys("jabt")[0])
        #expect(keys("wala")[0] == keys("vala")[0])
        #expect(keys("गाँव")[0] == keys("गांव")[0])
        #expect(keys("ज़ब्त")[0] == keys("जब्त")[0])
        #expect(keys("क़\u{093C}")[0] == keys("क")[0])
        #expect(keys("ताड़ी")[0] == keys("ताडी")[0])
        #expect(keys("शराबीईई")[0] == keys("शराबी")[0])
    }

    @Test func emojiSignalsAreKept() {
        let doc = Document("🍺🍻 yaha 🔫 😀🙂")
        #expect(doc.tokens.map(\.key).contains("<liquor>"))
        #expect(doc.tokens.map(\.key).contains("<weapon>"))
        #expect(Document("🙂").tokens.isEmpty)
    }

    @Test func urlsAreNotWords() {
        let doc = Document("https://bit.ly/abc और www.example.com")
        #expect(doc.urlCount == 2)
        #expect(doc.tokens.map(\.key) == ["और"])
    }
}
