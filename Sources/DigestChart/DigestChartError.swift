/// A chart that could not be drawn: callers switch on `kind`; `message` says which value or which cairo call.
public struct DigestChartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in the terms a caller acts on.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidSize, invalidData, tooManyThanas, drawing, encoding
        }
        private let base: Base

        /// The requested width or height is outside what the chart (and Telegram) accepts, or too small for the rows.
        public static let invalidSize = Kind(base: .invalidSize)
        /// A count is negative, or a median is negative or not finite.
        public static let invalidData = Kind(base: .invalidData)
        /// More thanas than fit a readable chart (`DigestChart.maximumThanas`).
        public static let tooManyThanas = Kind(base: .tooManyThanas)
        /// cairo or pango could not create a surface, a context or a font map (usually out of memory).
        public static let drawing = Kind(base: .drawing)
        /// Writing the PNG failed.
        public static let encoding = Kind(base: .encoding)

        public var description: String { base.rawValue }
    }

    public var kind: Kind
    /// What was wrong, with the value or the library's own status text.
    public var message: String

    /// An error of `kind`; `message` names the value or the call that failed.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "digest chart: \(kind): \(message)" }
}
