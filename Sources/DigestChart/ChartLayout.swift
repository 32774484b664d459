/// Lays the chart out: a header (title, subtitle, legend), then one row per thana with its name, a stacked bar of
/// reports by category (panel a) and a bar of the median time to acknowledge (panel b).
///
/// The two panels sit side by side and share the name column: a row reads across like a table, and the image is half
/// as tall as two stacked panels — which matters because Telegram shrinks a photo to 1280 px on its long side.
struct ChartLayout {
    static let width = 1000.0
    static let margin = 32.0
    /// Without a requested height, rows shrink from `widestPitch` towards `narrowestPitch` to stay within this.
    static let preferredMaximumHeight = 2400.0
    static let widestPitch = 50.0
    static let narrowestPitch = 32.0
    /// With a requested height, rows may be this small before the height is refused.
    static let smallestPitch = 22.0

    let data: DigestChartData
    let engine: TextEngine
    let words: ChartWords
    /// Device pixels per logical pixel; only for error messages, which speak in device pixels.
    let scale: Double

    init(data: DigestChartData, engine: TextEngine, scale: Double) {
        self.data = data
        self.engine = engine
        self.scale = scale
        words = ChartWords(language: data.language)
    }

    /// A logical length as whole device pixels, for error messages.
    func pixels(_ logical: Double) -> Int { Int((logical * scale).rounded(.up)) }

    var left: Double { Self.margin }
    var right: Double { Self.width - Self.margin }
    var contentWidth: Double { right - left }

    /// The display list, `height` logical pixels tall when given, else as tall as the rows need.
    func build(height requested: Double?) throws(DigestChartError) -> DisplayList {
        var list = DisplayList()
        var y = header(into: &list)
        if data.totalReports == 0 {
            try emptyState(into: &list, top: y, requested: requested)
            return list
        }
        y = legend(into: &list, top: y)
        try rows(into: &list, top: y, requested: requested)
        return list
    }

    /// Title and subtitle; returns the y below them.
    private func header(into list: inout DisplayList) -> Double {
        var y = 26.0
        let title = engine.block(data.title, TextStyle(size: 40, bold: true), width: contentWidth, maxLines: 2)
        list.text(title, left, y)
        y += title.height + 2
        if !data.subtitle.isEmpty {
            let style = TextStyle(size: 27, color: Palette.secondaryInk)
            let subtitle = engine.block(data.subtitle, style, width: contentWidth, maxLines: 2)
            list.text(subtitle, left, y)
            y += subtitle.height
        }
        return y + 18
    }

    /// A calm box with one sentence when there is nothing to chart.
    private func emptyState(into list: inout DisplayList, top: Double, requested: Double?) throws(DigestChartError) {
        let style = TextStyle(size: 34, bold: true, color: Palette.secondaryInk)
        let message = engine.block(words.noReports, style, width: contentWidth - 48, maxLines: 3, centered: true)
        let bottomMargin = 28.0
        var boxHeight = message.height + 120
        if let requested {
            boxHeight = requested - top - bottomMargin
            guard boxHeight >= message.height + 24 else {
                throw DigestChartError(
                    .invalidSize,
                    "height is too small for the empty-state message (needs \(pixels(top + message.height + 52)) px)")
            }
        }
        list.rect(left, top, contentWidth, boxHeight, Palette.stripe)
        list.text(message, left + 24, top + (boxHeight - message.height) / 2)
        list.height = requested ?? (top + boxHeight + bottomMargin)
    }

    /// The category swatches and their labels, flowing onto as many lines as they need; returns the y below them.
    private func legend(into list: inout DisplayList, top: Double) -> Double {
        let swatch = 28.0
        let lineHeight = 40.0
        var x = left
        var lineTop = top
        for category in DigestChartCategory.allCases {
            let label = engine.block(
                data.categoryLabels[category], TextStyle(size: 26), width: contentWidth - swatch - 12)
            let itemWidth = swatch + 12 + label.width
            if x > left && x + itemWidth > right {
                x = left
                lineTop += lineHeight + 6
            }
            list.rect(x, lineTop + (lineHeight - swatch) / 2, swatch, swatch, Palette.fill(category).fill)
            list.text(label, x + swatch + 12, label.top(centredOn: lineTop + lineHeight / 2))
            x += itemWidth + 34
        }
        return lineTop + lineHeight + 22
    }
}
