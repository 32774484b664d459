import CCairo

/// What to draw, in logical pixels (the chart is laid out 1000 wide and scaled to the requested width).
struct DisplayList {
    enum Mark {
        case rect(x: Double, y: Double, width: Double, height: Double, color: RGB)
        case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, color: RGB)
        case text(TextBlock, x: Double, y: Double)
    }

    var marks: [Mark] = []
    /// The chart's height in logical pixels.
    var height: Double = 0

    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ color: RGB) {
        marks.append(.rect(x: x, y: y, width: width, height: height, color: color))
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, width: Double, _ color: RGB) {
        marks.append(.line(x1: x1, y1: y1, x2: x2, y2: y2, width: width, color: color))
    }

    mutating func text(_ block: TextBlock, _ x: Double, _ y: Double) {
        marks.append(.text(block, x: x, y: y))
    }

    /// Paints every mark on a white background, after scaling logical pixels to device pixels.
    func paint(on cairo: OpaquePointer, scale: Double, context: OpaquePointer) {
        Palette.background.set(on: cairo)
        cairo_paint(cairo)
        cairo_scale(cairo, scale, scale)
        // The layouts were measured before the surface existed; tell pango about the surface's transform.
        pango_cairo_update_context(cairo, context)
        for mark in marks {
            switch mark {
            case .rect(let x, let y, let width, let height, let color):
                color.set(on: cairo)
                cairo_rectangle(cairo, x, y, width, height)
                cairo_fill(cairo)
            case .line(let x1, let y1, let x2, let y2, let width, let color):
                color.set(on: cairo)
                cairo_set_line_width(cairo, width)
                cairo_move_to(cairo, x1, y1)
                cairo_line_to(cairo, x2, y2)
                cairo_stroke(cairo)
            case .text(let block, let x, let y):
                block.draw(on: cairo, x: x, y: y)
            }
        }
    }
}
