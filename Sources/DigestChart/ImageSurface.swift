import CCairo

/// One render's cairo image surface and drawing context, freed together. Belongs to one thread for its life: cairo
/// objects may be used from any thread but not from two at once, and nothing here is shared.
final class ImageSurface {
    let surface: OpaquePointer
    let cairo: OpaquePointer

    init(width: Int, height: Int) throws(DigestChartError) {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw DigestChartError(.drawing, "cairo_image_surface_create \(width)x\(height): \(Self.text(status))")
        }
        self.surface = surface
        cairo = cairo_create(surface)
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// The drawing as PNG bytes, written through cairo's stream API straight into memory.
    func png() throws(DigestChartError) -> [UInt8] {
        let drawStatus = cairo_status(cairo)
        guard drawStatus == CAIRO_STATUS_SUCCESS else {
            throw DigestChartError(.drawing, "cairo: \(Self.text(drawStatus))")
        }
        cairo_surface_flush(surface)
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(
                surface,
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
                    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                    return CAIRO_STATUS_SUCCESS
                },
                Unmanaged.passUnretained(sink).toOpaque()
            )
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            throw DigestChartError(.encoding, "cairo_surface_write_to_png_stream: \(Self.text(status))")
        }
        return sink.bytes
    }

    static func text(_ status: cairo_status_t) -> String {
        String(cString: cairo_status_to_string(status))
    }
}

/// Where the PNG writer's callback appends; lives for one write on one thread.
private final class ByteSink {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(128 * 1024) }
}
