/// A store operation that could not be done, with what the operator or officer needs to fix it.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the operation failed.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notFound, invalidArgument, conflict, database
        }
        private let base: Base

        /// A district, thana, officer or report that does not exist.
        public static let notFound = Kind(base: .notFound)
        /// A value that can never be accepted (empty name, bad code, out-of-range hour).
        public static let invalidArgument = Kind(base: .invalidArgument)
        /// The change contradicts what is stored (a group bound to another thana, a closed report).
        public static let conflict = Kind(base: .conflict)
        /// SQLite itself failed (disk full, corrupt file, locked for too long).
        public static let database = Kind(base: .database)

        public var description: String { base.rawValue }
    }

    public var kind: Kind
    /// One line for a human: what was wrong.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
