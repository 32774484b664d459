import Foundation
import GRDB
import GRDBSQLite

/// Values bound straight through SQLite's C API, in the order of the statement's `?`s.
///
/// For the few statements intake runs for every tip (the report's and the outbox's inserts, 34 and 16 values, and
/// the lookups around them): GRDB's `StatementArguments` boxes each value and converts it to a `DatabaseValue`
/// before binding it, and its `Row` finds each column by a lowercased name; together they were a fifth of intake
/// time in senani-bench.
struct RawBinder {
    fileprivate let statement: OpaquePointer
    fileprivate var index: Int32 = 0
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    fileprivate init(statement: OpaquePointer) {
        self.statement = statement
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard var value else { return }  // parameters start NULL after sqlite3_clear_bindings
        if value.isEmpty {
            // A null pointer would bind NULL, not the empty text.
            sqlite3_bind_text(statement, index, "", 0, Self.transient)
            return
        }
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                _ = sqlite3_bind_text(statement, index, text.baseAddress, Int32(text.count), Self.transient)
            }
        }
    }

    mutating func bind(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(statement, index, value) }
    }

    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    mutating func bind(_ value: Double?) {
        index += 1
        if let value { sqlite3_bind_double(statement, index, value) }
    }

    mutating func bind(_ value: Bool) {
        bind(Int64(value ? 1 : 0))
    }

    /// A blob; nil and empty both bind NULL.
    mutating func bind(_ value: [UInt8]?) {
        index += 1
        guard let value, !value.isEmpty else { return }
        value.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }
}

/// One result row of a raw query, read by column position (the order of the statement's SELECT list).
struct RawRow {
    fileprivate let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func bool(_ column: Int32) -> Bool { int64(column) != 0 }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}

/// What `scanRaw` does after one row.
enum RawScan<T> {
    case next
    case stop
    case found(T)
}

extension Database {
    /// Runs the cached query `sql` with the values `bind` binds, calling `row` for each result row.
    func forEachRaw(sql: String, bind: (inout RawBinder) -> Void = { _ in }, row: (RawRow) throws -> Void) throws {
        try withRaw(sql: sql, bind: bind) { raw in
            while try step(raw, sql: sql) { try row(RawRow(statement: raw)) }
        }
    }

    /// Steps through the rows of the cached query `sql` until `visit` finds what it looks for or stops the scan.
    func scanRaw<T>(sql: String, bind: (inout RawBinder) -> Void = { _ in }, _ visit: (RawRow) -> RawScan<T>) throws -> T? {
        try withRaw(sql: sql, bind: bind) { raw in
            while try step(raw, sql: sql) {
                switch visit(RawRow(statement: raw)) {
                case .next: continue
                case .stop: return nil
                case .found(let value): return value
                }
            }
            return nil
        }
    }

    /// The first result row of the cached query `sql`, read by `row`; nil when there is none.
    func fetchOneRaw<T>(sql: String, bind: (inout RawBinder) -> Void = { _ in }, row: (RawRow) -> T) throws -> T? {
        try withRaw(sql: sql, bind: bind) { raw in try step(raw, sql: sql) ? row(RawRow(statement: raw)) : nil }
    }

    /// Runs the cached statement `sql` (no result rows) with the values `bind` binds, in order.
    ///
    /// A failure throws `DatabaseError` with SQLite's code, as GRDB's `execute` would.
    func executeRaw(sql: String, bind: (inout RawBinder) -> Void) throws {
        try withRaw(sql: sql, bind: bind) { raw in _ = try step(raw, sql: sql) }
    }

    /// GRDB's own cached statement for `sql`, reset and cleared before binding and after use, so that it stays
    /// usable by GRDB.
    private func withRaw<T>(sql: String, bind: (inout RawBinder) -> Void, _ body: (OpaquePointer) throws -> T) throws -> T {
        let raw = try cachedStatement(sql: sql).sqliteStatement
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
        defer {
            sqlite3_reset(raw)
            sqlite3_clear_bindings(raw)
        }
        var binder = RawBinder(statement: raw)
        bind(&binder)
        precondition(binder.index == sqlite3_bind_parameter_count(raw), "\(binder.index) values bound for: \(sql)")
        return try body(raw)
    }

    /// One step: true when it produced a row, false when the statement is done.
    private func step(_ raw: OpaquePointer, sql: String) throws -> Bool {
        let code = sqlite3_step(raw)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
    }
}
