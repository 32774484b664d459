import Testing

@testable import DigestChart

@Suite struct ChartInternalsTests {
    @Test(
        arguments: [
            (0.4, "<1 min"), (12, "12 min"), (59.4, "59 min"), (59.6, "1 h"), (90, "1.5 h"), (599, "10 h"),
            (47 * 60, "47 h"), (48 * 60, "2 d"), (3100, "2.2 d"),
        ] as [(Double, String)])
    func durationsAreShort(minutes: Double, expected: String) {
        #expect(ChartWords(language: .english).duration(minutes: minutes) == expected)
    }

    @Test func hindiDurationsUseHindiUnits() {
        let words = ChartWords(language: .hindi)
        #expect(words.duration(minutes: 25) == "25 मिनट")
        #expect(words.duration(minutes: 150) == "2.5 घंटे")
        #expect(words.duration(minutes: 3 * 24 * 60) == "3 दिन")
    }

    @Test func oneSlowThanaDoesNotSetTheScale() {
        #expect(ChartLayout.acknowledgeScale([]) == 0)
        #expect(ChartLayout.acknowledgeScale([10, 3100]) == 3100)
        #expect(ChartLayout.acknowledgeScale([4, 10, 12, 20, 3100]) == 60)
        #expect(ChartLayout.acknowledgeScale([30, 40, 50, 60, 300]) == 250)
        #expect(ChartLayout.acknowledgeScale([30, 40, 50]) == 50)
    }

    @Test(arguments: [
        "खगड़िया सदर", "चित्रगुप्त नगर", "क्षत्रिय श्रीकृष्णपुर", "स्वीकार करने में लगा समय (माध्यिका)", "Khagaria Sadar — 24 min",
    ])
    func everyCharacterHasAGlyph(text: String) throws {
        let engine = try TextEngine()
        #expect(engine.block(text, TextStyle(size: 27)).unknownGlyphs == 0)
    }

    @Test func controlCharactersBecomeSpaces() {
        #expect(TextEngine.clean("Gogri\nThana\t2", keepNewlines: false) == "Gogri Thana 2")
        #expect(TextEngine.clean("a\nb", keepNewlines: true) == "a\nb")
    }
}
