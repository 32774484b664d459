import CCairo

/// How a piece of text looks: size in logical pixels (the chart is laid out 1000 wide), weight and colour.
struct TextStyle {
    var size: Double
    var bold = false
    var color = Palette.ink
}

/// The pango side of one render: its own font map and context, so nothing is shared with another render.
///
/// Thread safety: an instance belongs to one render on one thread and is freed when it ends. pango ≥ 1.32.6 may be
/// used from several threads as long as no font map, context or layout is shared between them — hence the private
/// font map instead of `pango_cairo_font_map_get_default()`; fontconfig (≥ 2.10.91) guards its process-wide
/// configuration and cache with its own locks. Not `Sendable` on purpose.
final class TextEngine {
    /// Families in order of preference. Noto Sans for Latin letters and digits; pango falls back per character run to
    /// Noto Sans Devanagari (shaped by HarfBuzz: matras, conjuncts, nukta), then to whatever fontconfig has.
    static let families = "Noto Sans, Noto Sans Devanagari, sans-serif"

    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer

    init() throws(DigestChartError) {
        guard let fontMap = pango_cairo_font_map_new() else {
            throw DigestChartError(.drawing, "pango_cairo_font_map_new returned nothing")
        }
        guard let context = pango_font_map_create_context(fontMap) else {
            ccairo_font_map_unref(fontMap)
            throw DigestChartError(.drawing, "pango_font_map_create_context returned nothing")
        }
        self.fontMap = fontMap
        self.context = context
        // Unhinted metrics keep text widths proportional to the scale, so what was measured before the surface
        // existed is what gets drawn at any output width.
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(context, 72)
    }

    deinit {
        ccairo_context_unref(context)
        ccairo_font_map_unref(fontMap)
    }

    /// A laid-out piece of text. With `width`, lines wrap at word (then character) boundaries and the last of
    /// `maxLines` ends in an ellipsis; without it the text is one unbroken line.
    func block(
        _ text: String, _ style: TextStyle, width: Double? = nil, maxLines: Int = 1, centered: Bool = false
    ) -> TextBlock {
        let layout = pango_layout_new(context)!
        let font = pango_font_description_from_string(Self.families)
        pango_font_description_set_absolute_size(font, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        if let width {
            pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            pango_layout_set_height(layout, Int32(-max(1, maxLines)))
            if centered { pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER) }
        }
        pango_layout_set_text(layout, Self.clean(text, keepNewlines: maxLines > 1), -1)
        return TextBlock(layout: layout, style: style)
    }

    /// Control characters (a name pasted with a newline or a tab) would break a row; they become spaces.
    static func clean(_ text: String, keepNewlines: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" && keepNewlines {
                scalars.append(scalar)
            } else if scalar.properties.generalCategory == .control {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether fontconfig resolves `family` to that family rather than a substitute.
    func hasFamily(_ family: String) -> Bool {
        let description = pango_font_description_new()
        defer { pango_font_description_free(description) }
        pango_font_description_set_family(description, family)
        pango_font_description_set_absolute_size(description, 20 * Double(PANGO_SCALE))
        guard let font = pango_font_map_load_font(fontMap, context, description) else { return false }
        defer { ccairo_font_unref(font) }
        let loaded = pango_font_describe(font)
        defer { pango_font_description_free(loaded) }
        guard let name = pango_font_description_get_family(loaded) else { return false }
        return String(cString: name).lowercased() == family.lowercased()
    }
}

/// One laid-out piece of text, measured in logical pixels.
final class TextBlock {
    private let layout: OpaquePointer
    private let style: TextStyle
    let width: Double
    let height: Double
    /// From the top of the block to the first line's baseline.
    let baseline: Double

    fileprivate init(layout: OpaquePointer, style: TextStyle) {
        self.layout = layout
        self.style = style
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        width = Double(logical.width) / Double(PANGO_SCALE)
        height = Double(logical.height) / Double(PANGO_SCALE)
        baseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
    }

    /// The top at which one line of text looks centred on `middle`, whatever its script. Centring the logical box
    /// would not do: Noto Sans Devanagari's line box is much taller than Noto Sans's, so Hindi names would float
    /// above their bars while digits sat on them. Instead every line puts its baseline 0.36 em below `middle`
    /// (about half the height of a digit or of the Devanagari letter body under the headline).
    func top(centredOn middle: Double) -> Double {
        middle + 0.36 * style.size - baseline
    }

    /// Characters no installed font has (drawn as boxes): zero when the fonts are in place.
    var unknownGlyphs: Int { Int(pango_layout_get_unknown_glyphs_count(layout)) }

    deinit { ccairo_layout_unref(layout) }

    /// Draws the text with its top-left corner at (x, y).
    func draw(on cairo: OpaquePointer, x: Double, y: Double) {
        style.color.set(on: cairo)
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, layout)
    }
}
