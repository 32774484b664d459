/// A store operation that could not be done, with what the operator or officer needs to fix it.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the operation failed.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notFound, invalidArgument, conflict, database, unavailable, refused
        }
        private let base: Base

        /// A district, thana, officer or report that does not exist.
        public static let notFound = Kind(base: .notFound)
        /// A value that can never be accepted (empty name, bad code, out-of-range hour).
        public static let invalidArgument = Kind(base: .invalidArgument)
        /// The change contradicts what is stored (a group bound to another thana, a closed report).
        public static let conflict = Kind(base: .conflict)
        /// SQLite refused what was asked of it (a constraint, a value too big): the request is at fault.
        public static let database = Kind(base: .database)
        /// The database cannot be written now (disk full, locked by another process, I/O error, read-only):
        /// the environment is at fault, and the same request will succeed once it clears.
        public static let unavailable = Kind(base: .unavailable)
        /// The actor may not do this (role or scope).
        public static let refused = Kind(base: .refused)

        public var description: String { base.rawValue }
    }

    /// What in the environment keeps the database from being written, for `.unavailable` errors.
    public enum Fault: String, Sendable, Hashable {
        case full, busy, io, readOnly, interrupted, other
    }

    public var kind: Kind
    /// One line for a human: what was wrong.
    public var message: String
    /// Set for `.unavailable`: which fault, so the operator is told once per state change.
    public var fault: Fault?

    public init(_ kind: Kind, _ message: String, fault: Fault? = nil) {
        self.kind = kind
        self.message = message
        self.fault = fault
    }

    /// True when the environment, not the request, is at fault: retry later, never skip the work.
    public var isTransient: Bool { kind == .unavailable }

    public var description: String { message }
}
