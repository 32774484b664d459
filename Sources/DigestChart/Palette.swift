import CCairo

/// A colour, 0...1 per channel.
struct RGB: Hashable {
    var red: Double
    var green: Double
    var blue: Double

    init(hex: UInt32) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
    }

    func set(on cairo: OpaquePointer) {
        cairo_set_source_rgb(cairo, red, green, blue)
    }
}

/// Okabe–Ito colours (distinguishable with every common colour-vision deficiency) on white, with near-black text.
enum Palette {
    static let background = RGB(hex: 0xFFFFFF)
    static let ink = RGB(hex: 0x111111)
    static let secondaryInk = RGB(hex: 0x3A3A3A)
    static let stripe = RGB(hex: 0xF1F1F1)
    static let rule = RGB(hex: 0xBDBDBD)
    /// Median time bars: bluish green, a hue none of the category colours uses.
    static let acknowledge = RGB(hex: 0x009E73)

    /// A category's fill, and the text colour that reads on it (WCAG contrast ≥ 4.5 either way).
    static func fill(_ category: DigestChartCategory) -> (fill: RGB, text: RGB) {
        switch category {
        case .liquor: (RGB(hex: 0xE69F00), ink)  // orange
        case .wantedCriminal: (RGB(hex: 0x0072B2), RGB(hex: 0xFFFFFF))  // blue
        case .electionDisturbance: (RGB(hex: 0xCC79A7), ink)  // reddish purple
        case .other: (RGB(hex: 0xA6A6A6), ink)  // neutral grey
        }
    }
}
