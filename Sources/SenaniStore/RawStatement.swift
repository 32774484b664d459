import Foundation
import GRDB
import GRDBSQLite

/// Values bound straight through SQLite's C API, in the order of the statement's `?`s.
///
/// For the few statements intake runs for every tip (the report's and the outbox's inserts, 34 and 16 values):
/// GRDB's `StatementArguments` boxes each value and converts it to a `DatabaseValue` before binding it, which was a
/// tenth of intake time in senani-bench.
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

extension Database {
    /// Runs the cached statement `sql` (no result rows) with the values `bind` binds, in order.
    ///
    /// The statement is GRDB's own cached one, reset and cleared before binding and reset after, so it stays
    /// usable by GRDB; a failure throws `DatabaseError` with SQLite's code, as GRDB's `execute` would.
    func executeRaw(sql: String, bind: (inout RawBinder) -> Void) throws {
        let statement = try cachedStatement(sql: sql)
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
        var binder = RawBinder(statement: raw)
        bind(&binder)
        precondition(binder.index == sqlite3_bind_parameter_count(raw), "\(binder.index) values bound for: \(sql)")
        let code = sqlite3_step(raw)
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(sqliteConnection))
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
        if let message { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql) }
    }
}
