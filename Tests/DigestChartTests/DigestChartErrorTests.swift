import DigestChart
import Testing

@Suite struct DigestChartErrorTests {
    @Test(arguments: [0, 399, 4001])
    func widthsOutsideTheRangeAreRefused(width: Int) {
        #expect(error(Samples.hindi(thanas: 3), width: width)?.kind == .invalidSize)
    }

    @Test func aHeightTooSmallForTheRowsIsRefusedWithTheHeightNeeded() throws {
        let refusal = try #require(error(Samples.hindi(thanas: 40), height: 600))
        #expect(refusal.kind == .invalidSize)
        #expect(refusal.message.contains("40 thanas"))
    }

    @Test func negativeCountsAndImpossibleMediansAreRefused() {
        var negative = Samples.english(thanas: 3)
        negative.thanas[1].counts[.liquor] = -1
        #expect(error(negative)?.kind == .invalidData)
        for median in [-1, Double.nan, .infinity] {
            var data = Samples.english(thanas: 3)
            data.thanas[2].medianMinutesToAcknowledge = median
            #expect(error(data)?.kind == .invalidData)
        }
    }

    @Test func tooManyThanasAreRefused() {
        let data = Samples.english(thanas: DigestChart.maximumThanas + 1)
        #expect(error(data)?.kind == .tooManyThanas)
    }

    @Test func theDescriptionNamesTheKindAndTheContext() {
        let error = DigestChartError(.invalidData, "Gogri: liquor count -1 is negative")
        #expect(error.description == "digest chart: invalidData: Gogri: liquor count -1 is negative")
    }

    /// What `renderPNG` threw for these arguments, or nil when it drew the chart.
    private func error(_ data: DigestChartData, width: Int = 1000, height: Int? = nil) -> DigestChartError? {
        do {
            _ = try DigestChart.renderPNG(data, width: width, height: height)
            return nil
        } catch {
            return error
        }
    }
}
