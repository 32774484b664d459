import CCairo

/// A PNG read back through cairo's own decoder, to prove that what `renderPNG` wrote is a PNG of that size.
struct DecodedPNG {
    var width: Int
    var height: Int
    /// Distinct pixel values in a sample of the image: a blank image has one.
    var sampledColours: Int

    init?(_ bytes: [UInt8]) {
        let source = ByteSource(bytes)
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
                    return source.read(into: data, count: Int(length))
                        ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
                },
                Unmanaged.passUnretained(source).toOpaque())
        }
        guard let surface else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let rowBytes = Int(cairo_image_surface_get_stride(surface))
        guard let pixels = cairo_image_surface_get_data(surface) else { return nil }
        var colours = Set<UInt32>()
        for y in Swift.stride(from: 0, to: height, by: 7) {
            let row = UnsafeRawPointer(pixels + y * rowBytes)
            for x in Swift.stride(from: 0, to: width, by: 5) {
                colours.insert(row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self))
            }
        }
        sampledColours = colours.count
    }
}

private final class ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        guard offset + count <= bytes.count else { return false }
        bytes.withUnsafeBufferPointer { source in
            buffer.update(from: source.baseAddress! + offset, count: count)
        }
        offset += count
        return true
    }
}
