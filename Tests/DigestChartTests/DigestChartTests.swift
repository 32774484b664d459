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
}

/// Writes a sample for a person to look at (`/tmp/chart-NAME.png`); failures to write do not fail a test.
func save(_ png: [UInt8], _ name: String) {
    _ = FileManager.default.createFile(atPath: "/tmp/chart-\(name).png", contents: Data(png))
}
