import CCairo

/// Draws the SP's daily digest as a PNG: reports per thana as stacked bars by category, and each thana's median time
/// to acknowledge. Pure data in, PNG bytes out; no files, no clock, no global state.
///
/// Thread safety: `renderPNG` may run on several threads at once. Each call makes its own cairo surface and context
/// and its own pango font map, context and layouts, and frees them before returning. cairo allows that (objects may
/// not be shared between threads without locking, and nothing is); pango ≥ 1.32.6 allows it with unshared font maps;
/// fontconfig's one process-wide configuration and font cache are guarded by fontconfig's own locks.
///
/// Sending: Telegram shrinks a photo to 1280 px on its long side, which a chart of up to about 20 thanas survives
/// (1000 × ~1350). A larger district's chart reads better sent as a document, or split over two charts by the caller.
///
/// A render is synchronous CPU work of some tens of milliseconds (see senani-bench); an async caller on the
/// cooperative pool should not mind, but may run it on its own thread like the rest of the blocking C work.
public enum DigestChart {
    /// The default width: sharp on a phone after Telegram's recompression, and large enough for 26-px text.
    public static let defaultWidth = 1000
    /// Widths outside this range are refused.
    public static let widthRange = 400...4000
    /// A requested height must be at least this; Telegram refuses photos whose width plus height exceeds 10,000.
    public static let heightRange = 200...9000
    /// More thanas than this cannot be read on a phone (a district has 15–40).
    public static let maximumThanas = 120
    /// The font families the chart asks fontconfig for, in order.
    public static let fontFamilies = ["Noto Sans", "Noto Sans Devanagari"]

    /// The chart as PNG bytes, `width` pixels wide. Without `height`, the image is as tall as its rows need (about
    /// 2.2 × the width for 40 thanas); with it, rows shrink or grow to fill it, and too small a height is refused.
    public static func renderPNG(
        _ data: DigestChartData, width: Int = defaultWidth, height: Int? = nil
    ) throws(DigestChartError) -> [UInt8] {
        try validate(data, width: width, height: height)
        let scale = Double(width) / ChartLayout.width
        let engine = try TextEngine()
        let layout = ChartLayout(data: data, engine: engine, scale: scale)
        let list = try layout.build(height: height.map { Double($0) / scale })
        let pixelHeight = height ?? Int((list.height * scale).rounded(.up))
        guard pixelHeight <= heightRange.upperBound else {
            throw DigestChartError(.invalidSize, "the chart would be \(pixelHeight) px tall; use a smaller width")
        }
        let surface = try ImageSurface(width: width, height: pixelHeight)
        list.paint(on: surface.cairo, scale: scale, context: engine.context)
        return try surface.png()
    }

    /// The families of `fontFamilies` that fontconfig does not have (it would substitute another font, and Devanagari
    /// may come out as empty boxes). Empty when the machine is set up; the CLI can report it at start.
    public static func missingFonts() -> [String] {
        guard let engine = try? TextEngine() else { return fontFamilies }
        return fontFamilies.filter { !engine.hasFamily($0) }
    }

    private static func validate(_ data: DigestChartData, width: Int, height: Int?) throws(DigestChartError) {
        guard widthRange.contains(width) else {
            throw DigestChartError(.invalidSize, "width \(width) is outside \(widthRange)")
        }
        if let height, !heightRange.contains(height) {
            throw DigestChartError(.invalidSize, "height \(height) is outside \(heightRange)")
        }
        guard data.thanas.count <= maximumThanas else {
            throw DigestChartError(.tooManyThanas, "\(data.thanas.count) thanas; at most \(maximumThanas) fit")
        }
        for thana in data.thanas {
            for (category, count) in thana.counts where count < 0 {
                throw DigestChartError(.invalidData, "\(thana.name): \(category.rawValue) count \(count) is negative")
            }
            if let median = thana.medianMinutesToAcknowledge, !(median.isFinite && median >= 0) {
                throw DigestChartError(.invalidData, "\(thana.name): median minutes \(median) is not a duration")
            }
        }
    }
}
