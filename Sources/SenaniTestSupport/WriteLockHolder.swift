import Foundation
import GRDBSQLite

/// Another process's hold on a database: a second connection inside `BEGIN IMMEDIATE`, as a backup tool or an
/// open `sqlite3` shell can hold it. Writers elsewhere get SQLITE_BUSY until `release()`.
public final class WriteLockHolder: @unchecked Sendable {
    // Safe: the connection is used only from init, release and deinit, which a test calls in sequence.
    private var connection: OpaquePointer?

    public init(path: String) throws {
        guard sqlite3_open(path, &connection) == SQLITE_OK else { throw HolderError(message: "cannot open \(path)") }
        sqlite3_busy_timeout(connection, 5000)
        guard sqlite3_exec(connection, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK else {
            throw HolderError(message: "cannot take the write lock on \(path)")
        }
    }

    public func release() throws {
        _ = sqlite3_exec(connection, "ROLLBACK", nil, nil, nil)
        sqlite3_close(connection)
        connection = nil
    }

    deinit {
        if connection != nil { sqlite3_close(connection) }
    }

    struct HolderError: Error {
        var message: String
    }
}
