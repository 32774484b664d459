/// The panel headings and one row per thana.
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

    func rows(into list: inout DisplayList, top: Double, requested: Double?) throws(DigestChartError) {
        let thanas = data.thanas
        let maxTotal = thanas.map(\.total).max() ?? 0
        let medians = thanas.compactMap(\.medianMinutesToAcknowledge)
        let scaleMedian = Self.acknowledgeScale(medians)
        let columns = columns(maxTotal: maxTotal)
        var y = top

        let headingStyle = TextStyle(size: 24, bold: true, color: Palette.secondaryInk)
        let headings = [
            (engine.block(words.thanaHeading, headingStyle, width: columns.nameWidth, maxLines: 2), left),
            (
                engine.block(
                    words.reportsHeading(total: data.totalReports), headingStyle, width: columns.reportsWidth,
                    maxLines: 2), columns.reportsX
            ),
            (
                engine.block(words.acknowledgeHeading, headingStyle, width: columns.acknowledgeWidth, maxLines: 2),
                columns.acknowledgeX
            ),
        ]
        let headingHeight = headings.map(\.0.height).max() ?? 0
        for (block, x) in headings { list.text(block, x, y + headingHeight - block.height) }
        let dividerTop = y
        y += headingHeight + 8
        list.line(left, y, right, y, width: 2, Palette.rule)
        y += 4
        let rowsTop = y

        let footnote =
            medians.count < thanas.count
            ? engine.block(
                words.noneAcknowledgedNote, TextStyle(size: 23, color: Palette.secondaryInk), width: contentWidth)
            : nil
        let bottomMargin = 30 + (footnote.map { $0.height + 4 } ?? 0)
        let pitch = try pitch(rowsTop: rowsTop, bottomMargin: bottomMargin, requested: requested)
        let rowsBottom = rowsTop + Double(thanas.count) * pitch

        let barHeight = min(32, pitch * 0.64)
        let nameStyle = TextStyle(size: min(27, pitch * 0.56))
        let valueStyle = TextStyle(size: min(26, pitch * 0.54), bold: true)
        let segmentSize = min(21, barHeight * 0.7)

        for (index, thana) in thanas.enumerated() {
            let rowTop = rowsTop + Double(index) * pitch
            let middle = rowTop + pitch / 2
            if index % 2 == 1 { list.rect(left - 12, rowTop, contentWidth + 24, pitch, Palette.stripe) }
            let name = engine.block(thana.name, nameStyle, width: columns.nameWidth)
            list.text(name, left, name.top(centredOn: middle))

            // Panel a: the stacked bar, a count inside each segment that has room, the total after it.
            var x = columns.reportsX
            let drawn = DigestChartCategory.allCases.filter { thana.count($0) > 0 }
            for (position, category) in drawn.enumerated() {
                let count = thana.count(category)
                // At least 4 px, so that one report beside three hundred is still seen.
                let width = max(4, Double(count) / Double(maxTotal) * columns.reportsBarMax)
                let (fill, ink) = Palette.fill(category)
                list.rect(x, middle - barHeight / 2, width, barHeight, fill)
                if position < drawn.count - 1 {
                    list.rect(x + width - 1, middle - barHeight / 2, 2, barHeight, Palette.background)
                }
                let label = engine.block("\(count)", TextStyle(size: segmentSize, color: ink))
                if label.width + 10 <= width {
                    list.text(label, x + (width - label.width) / 2, label.top(centredOn: middle))
                }
                x += width
            }
            let total = engine.block(
                "\(thana.total)",
                thana.total == 0 ? TextStyle(size: valueStyle.size, color: Palette.secondaryInk) : valueStyle)
            list.text(total, x + (thana.total == 0 ? 0 : 8), total.top(centredOn: middle))

            // Panel b: the median time bar and its value, or a dash.
            if let median = thana.medianMinutesToAcknowledge {
                let full = columns.acknowledgeBarMax
                let width = scaleMedian > 0 ? max(4, min(full, median / scaleMedian * full)) : 4
                list.rect(columns.acknowledgeX, middle - barHeight / 2, width, barHeight, Palette.acknowledge)
                if median > scaleMedian {
                    // A break near the end: this bar is longer than the scale; its label gives the value.
                    for offset in [24.0, 14.0] {
                        let x = columns.acknowledgeX + width - offset
                        list.line(
                            x - 4, middle + barHeight / 2 + 1, x + 4, middle - barHeight / 2 - 1, width: 3,
                            Palette.background)
                    }
                }
                let label = engine.block(words.duration(minutes: median), valueStyle)
                list.text(label, columns.acknowledgeX + width + 8, label.top(centredOn: middle))
            } else {
                let dash = engine.block(ChartWords.dash, TextStyle(size: valueStyle.size, color: Palette.secondaryInk))
                list.text(dash, columns.acknowledgeX, dash.top(centredOn: middle))
            }
        }

        let dividerX = columns.acknowledgeX - Self.panelGap / 2
        list.line(dividerX, dividerTop, dividerX, rowsBottom, width: 2, Palette.rule)
        if let footnote { list.text(footnote, left, rowsBottom + 10) }
        list.height = requested ?? (rowsBottom + bottomMargin)
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
