/// The panel headings and one row per thana.
extension ChartLayout {
    /// Sizes inside a row, which follow the row's height.
    struct RowStyle {
        let pitch: Double
        var barHeight: Double { min(32, pitch * 0.64) }
        var name: TextStyle { TextStyle(size: min(27, pitch * 0.56)) }
        var value: TextStyle { TextStyle(size: min(26, pitch * 0.54), bold: true) }
        var quiet: TextStyle { TextStyle(size: value.size, color: Palette.secondaryInk) }
        var segmentSize: Double { min(21, barHeight * 0.7) }
    }

    func rows(into list: inout DisplayList, top: Double, requested: Double?) throws(DigestChartError) {
        let thanas = data.thanas
        let maxTotal = thanas.map(\.total).max() ?? 0
        let medians = thanas.compactMap(\.medianMinutesToAcknowledge)
        let scaleMedian = Self.acknowledgeScale(medians)
        let columns = columns(maxTotal: maxTotal)
        let rowsTop = headings(into: &list, top: top, columns: columns)

        let footnote =
            medians.count < thanas.count
            ? engine.block(
                words.noneAcknowledgedNote, TextStyle(size: 23, color: Palette.secondaryInk), width: contentWidth)
            : nil
        let bottomMargin = 30 + (footnote.map { $0.height + 4 } ?? 0)
        let style = RowStyle(pitch: try pitch(rowsTop: rowsTop, bottomMargin: bottomMargin, requested: requested))
        let rowsBottom = rowsTop + Double(thanas.count) * style.pitch

        for (index, thana) in thanas.enumerated() {
            let rowTop = rowsTop + Double(index) * style.pitch
            let middle = rowTop + style.pitch / 2
            if index % 2 == 1 { list.rect(left - 12, rowTop, contentWidth + 24, style.pitch, Palette.stripe) }
            let name = engine.block(thana.name, style.name, width: columns.nameWidth)
            list.text(name, left, name.top(centredOn: middle))
            reportsBar(
                thana, into: &list, middle: middle, style: style, x: columns.reportsX,
                fullWidth: columns.reportsBarMax, maxTotal: maxTotal)
            acknowledgeBar(
                thana, into: &list, middle: middle, style: style, x: columns.acknowledgeX,
                fullWidth: columns.acknowledgeBarMax, scale: scaleMedian)
        }

        let dividerX = columns.acknowledgeX - Self.panelGap / 2
        list.line(dividerX, top, dividerX, rowsBottom, width: 2, Palette.rule)
        if let footnote { list.text(footnote, left, rowsBottom + 10) }
        list.height = requested ?? (rowsBottom + bottomMargin)
    }

    /// The three column headings, bottom-aligned, and a rule under them; returns the top of the first row.
    private func headings(into list: inout DisplayList, top: Double, columns: Columns) -> Double {
        let style = TextStyle(size: 24, bold: true, color: Palette.secondaryInk)
        let headings = [
            (words.thanaHeading, left, columns.nameWidth),
            (words.reportsHeading(total: data.totalReports), columns.reportsX, columns.reportsWidth),
            (words.acknowledgeHeading, columns.acknowledgeX, columns.acknowledgeWidth),
        ].map { text, x, width in (engine.block(text, style, width: width, maxLines: 2), x) }
        let height = headings.map(\.0.height).max() ?? 0
        for (block, x) in headings { list.text(block, x, top + height - block.height) }
        let rule = top + height + 8
        list.line(left, rule, right, rule, width: 2, Palette.rule)
        return rule + 4
    }

    /// Panel a: the stacked bar, a count inside each segment that has room for it, the total after the bar.
    private func reportsBar(
        _ thana: DigestChartData.ThanaBars, into list: inout DisplayList, middle: Double, style: RowStyle,
        x start: Double,
        fullWidth: Double, maxTotal: Int
    ) {
        let barTop = middle - style.barHeight / 2
        var x = start
        let drawn = DigestChartCategory.allCases.filter { thana.count($0) > 0 }
        for (position, category) in drawn.enumerated() {
            let count = thana.count(category)
            // At least 4 px, so that one report beside three hundred is still seen.
            let width = max(4, Double(count) / Double(maxTotal) * fullWidth)
            let (fill, ink) = Palette.fill(category)
            list.rect(x, barTop, width, style.barHeight, fill)
            if position < drawn.count - 1 { list.rect(x + width - 1, barTop, 2, style.barHeight, Palette.background) }
            let label = engine.block("\(count)", TextStyle(size: style.segmentSize, color: ink))
            if label.width + 10 <= width {
                list.text(label, x + (width - label.width) / 2, label.top(centredOn: middle))
            }
            x += width
        }
        let total = engine.block("\(thana.total)", thana.total == 0 ? style.quiet : style.value)
        list.text(total, x + (thana.total == 0 ? 0 : 8), total.top(centredOn: middle))
    }

    /// Panel b: the median time bar and its value, or a dash when nothing was acknowledged.
    private func acknowledgeBar(
        _ thana: DigestChartData.ThanaBars, into list: inout DisplayList, middle: Double, style: RowStyle, x: Double,
        fullWidth: Double, scale: Double
    ) {
        guard let median = thana.medianMinutesToAcknowledge else {
            let dash = engine.block(ChartWords.dash, style.quiet)
            list.text(dash, x, dash.top(centredOn: middle))
            return
        }
        let half = style.barHeight / 2
        let width = scale > 0 ? max(4, min(fullWidth, median / scale * fullWidth)) : 4
        list.rect(x, middle - half, width, style.barHeight, Palette.acknowledge)
        if median > scale {
            // Two slashes near the end: the bar is longer than the scale; its label gives the value.
            for offset in [24.0, 14.0] {
                let slash = x + width - offset
                list.line(slash - 4, middle + half + 1, slash + 4, middle - half - 1, width: 3, Palette.background)
            }
        }
        let label = engine.block(words.duration(minutes: median), style.value)
        list.text(label, x + width + 8, label.top(centredOn: middle))
    }
}
