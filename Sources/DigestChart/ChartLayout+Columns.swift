/// Where the columns go and how tall a row is.
extension ChartLayout {
    /// Horizontal positions shared by the headings and every row.
    struct Columns {
        var nameWidth: Double
        var reportsX: Double
        var reportsWidth: Double
        var reportsBarMax: Double
        var acknowledgeX: Double
        var acknowledgeWidth: Double
        var acknowledgeBarMax: Double
    }

    /// The median (minutes) that fills panel b. One thana that took two days would squash every other bar to a
    /// sliver, so the scale stops at five times the typical (median) thana's value, at least an hour; bars beyond it
    /// are drawn full with a break, and their labels give the value.
    static func acknowledgeScale(_ medians: [Double]) -> Double {
        let sorted = medians.sorted()
        guard let largest = sorted.last else { return 0 }
        guard sorted.count >= 3 else { return largest }
        let typical = sorted[sorted.count / 2]
        return min(largest, max(60, typical * 5))
    }

    static let nameGap = 16.0
    static let panelGap = 34.0

    /// The name column is as wide as the longest name, within 150...290; panel a takes 56 % of the rest. Each bar
    /// leaves room after it for its widest value label.
    func columns(maxTotal: Int) -> Columns {
        let nameStyle = TextStyle(size: 27)
        let valueStyle = TextStyle(size: 26, bold: true)
        let widestName = data.thanas.map { engine.block($0.name, nameStyle).width }.max() ?? 0
        let nameWidth = min(290, max(150, widestName.rounded(.up)))
        let countWidth = engine.block("\(maxTotal)", valueStyle).width + 12
        let labels = data.thanas.map { $0.medianMinutesToAcknowledge.map(words.duration(minutes:)) ?? ChartWords.dash }
        let durationWidth = (labels.map { engine.block($0, valueStyle).width }.max() ?? 0) + 12

        let reportsX = left + nameWidth + Self.nameGap
        let panels = right - reportsX - Self.panelGap
        let reportsWidth = (panels * 0.56).rounded()
        let acknowledgeX = reportsX + reportsWidth + Self.panelGap
        let acknowledgeWidth = right - acknowledgeX
        return Columns(
            nameWidth: nameWidth, reportsX: reportsX, reportsWidth: reportsWidth,
            reportsBarMax: max(40, reportsWidth - countWidth - 20), acknowledgeX: acknowledgeX,
            acknowledgeWidth: acknowledgeWidth, acknowledgeBarMax: max(40, acknowledgeWidth - durationWidth))
    }

    /// The height of one row: as roomy as fits the preferred maximum height, or what the requested height leaves.
    func pitch(rowsTop: Double, bottomMargin: Double, requested: Double?) throws(DigestChartError) -> Double {
        let count = Double(data.thanas.count)
        guard let requested else {
            let fitting = (Self.preferredMaximumHeight - rowsTop - bottomMargin) / count
            return min(Self.widestPitch, max(Self.narrowestPitch, fitting))
        }
        let fitting = (requested - rowsTop - bottomMargin) / count
        guard fitting >= Self.smallestPitch else {
            let needed = rowsTop + bottomMargin + count * Self.smallestPitch
            throw DigestChartError(
                .invalidSize,
                "height is too small for \(data.thanas.count) thanas (needs \(pixels(needed)) px)")
        }
        return min(Self.widestPitch + 10, fitting)
    }
}
