import DigestChart
import Foundation
import Testing

@Suite struct DigestChartTests {
    @Test func hindiChartDecodesAtTheRequestedWidth() throws {
        let png = try DigestChart.renderPNG(Samples.hindi(thanas: 12))
        let image = try #require(DecodedPNG(png))
        #expect(image.width == 1000)
        #expect(image.height > 600 && image.height < 1400)
        #expect(image.sampledColours > 10)
        save(png, "hindi-12")
    }

    @Test func heightGrowsWithThanasAndStaysWithinTheCap() throws {
        var heights: [Int] = []
        for count in [1, 12, 40] {
            let png = try DigestChart.renderPNG(Samples.english(thanas: count))
            let image = try #require(DecodedPNG(png))
            #expect(image.width == 1000)
            heights.append(image.height)
            save(png, "english-\(count)")
        }
        #expect(heights[0] < heights[1] && heights[1] < heights[2])
        #expect(heights[2] <= 2400)
    }

    @Test func moreThanFortyThanasShrinkTheRowsBeforeTheImageGrows() throws {
        let forty = try #require(DecodedPNG(try DigestChart.renderPNG(Samples.hindi(thanas: 40))))
        let png = try DigestChart.renderPNG(Samples.hindi(thanas: DigestChart.maximumThanas))
        let most = try #require(DecodedPNG(png))
        #expect(most.height > forty.height)
        #expect(most.height <= DigestChart.heightRange.upperBound)
        save(png, "hindi-\(DigestChart.maximumThanas)")
    }

    @Test func widthScalesTheWholeChart() throws {
        let narrow = try #require(DecodedPNG(try DigestChart.renderPNG(Samples.hindi(thanas: 12), width: 500)))
        let wide = try #require(DecodedPNG(try DigestChart.renderPNG(Samples.hindi(thanas: 12), width: 2000)))
        #expect(narrow.width == 500 && wide.width == 2000)
        #expect(abs(wide.height - 4 * narrow.height) <= 4)
    }

    @Test func aRequestedHeightIsKept() throws {
        let png = try DigestChart.renderPNG(Samples.english(thanas: 20), width: 800, height: 1280)
        let image = try #require(DecodedPNG(png))
        #expect(image.width == 800 && image.height == 1280)
        save(png, "english-20-800x1280")
    }

    @Test(arguments: [0, 6])
    func zeroReportsShowTheEmptyState(thanas: Int) throws {
        var data = Samples.hindi(thanas: thanas)
        for index in data.thanas.indices { data.thanas[index].counts = [:] }
        let png = try DigestChart.renderPNG(data)
        let image = try #require(DecodedPNG(png))
        #expect(image.width == 1000)
        #expect(image.height < 500)
        #expect(image.sampledColours > 2)
        save(png, "empty-\(thanas)")
    }

    @Test func longNamesAreCutAndDoNotChangeTheLayout() throws {
        var long = Samples.english(thanas: 5)
        long.thanas[1].name = "Chitragupt Nagar Outpost under Khagaria Sadar Circle (temporary camp)"
        long.thanas[2].name = "चित्रगुप्त नगर ओपी अंतर्गत खगड़िया सदर अंचल अस्थायी शिविर\nदूसरी पंक्ति"
        long.title = "Khagaria district — daily digest of informant tips received through Cyber Senani groups"
        var short = long
        short.thanas[1].name = "Chitragupt Nagar"
        short.thanas[2].name = "चित्रगुप्त नगर"
        let longImage = try #require(DecodedPNG(try DigestChart.renderPNG(long)))
        let shortImage = try #require(DecodedPNG(try DigestChart.renderPNG(short)))
        #expect(longImage.height == shortImage.height)
        let png = try DigestChart.renderPNG(long, width: 720)
        #expect(DecodedPNG(png)?.width == 720)
        save(png, "long-720")
    }

    @Test func theSameDataGivesTheSameBytes() throws {
        let data = Samples.hindi(thanas: 15)
        let first = try DigestChart.renderPNG(data)
        let second = try DigestChart.renderPNG(data)
        #expect(first == second)
    }

    @Test func rendersFromSeveralThreadsAtOnceAgree() async throws {
        let data = Samples.hindi(thanas: 25)
        let expected = try DigestChart.renderPNG(data)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<6 {
                group.addTask { try DigestChart.renderPNG(data) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 6)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func theFontsAreInstalled() {
        #expect(DigestChart.missingFonts() == [])
    }
}

/// Writes a sample for a person to look at (`/tmp/chart-NAME.png`); failures to write do not fail a test.
func save(_ png: [UInt8], _ name: String) {
    _ = FileManager.default.createFile(atPath: "/tmp/chart-\(name).png", contents: Data(png))
}
