import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Copies the write-ahead log into the database file on a thread of its own, so that no commit waits for it.
///
/// SQLite's own autocheckpoint runs inside the commit that crosses its threshold: that commit then writes a
/// thousand pages to the database file and syncs it, and intake, whose next getUpdates waits for the commit, stalls
/// (a ninth of intake time in senani-bench). Here the writer only notes the log's size after each commit; a PASSIVE
/// checkpoint on a second connection does the copying while the writer goes on. Durability does not change: every
/// commit is synced into the log before it returns, and a checkpoint cut short by a crash is redone on the next open.
final class WALCheckpointer: Sendable {
    /// Log pages after which a background checkpoint starts (16 MB). Four times SQLite's own threshold: intake
    /// rewrites the same few hundred index pages batch after batch, and each checkpoint copies a page once however
    /// often it changed meanwhile.
    static let threshold: Int32 = 4000
    /// Log pages after which the writer checkpoints in its own commit after all, as SQLite would: the background
    /// checkpoints are not keeping up (a reader holding an old snapshot), and the log must not grow without bound.
    static let ceiling: Int32 = 40_000

    private let path: String
    private let queue = DispatchQueue(label: "senani.checkpoint", qos: .utility)
    private let scheduled = Atomic<Bool>(false)
    private let connection = Mutex<DatabaseQueue?>(nil)
    /// What the last background checkpoint threw, for tests and diagnostics; nil after one that worked.
    let lastFailure = Mutex<String?>(nil)

    init(path: String) {
        self.path = path
    }

    /// Takes over checkpointing for the writer connection `db`.
    func install(on db: Database) throws {
        try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        // The pool's configuration, which holds this object, outlives the connection: the pointer stays valid.
        sqlite3_wal_hook(
            db.sqliteConnection,
            { context, connection, name, pages in
                guard let context else { return SQLITE_OK }
                let checkpointer = Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
                if pages >= WALCheckpointer.ceiling {
                    sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                } else if pages >= WALCheckpointer.threshold {
                    checkpointer.schedule()
                }
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Starts a background checkpoint unless one is already waiting or running.
    func schedule() {
        guard !scheduled.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async { [self] in
            scheduled.store(false, ordering: .releasing)
            checkpointNow()
        }
    }

    /// One PASSIVE checkpoint on the checkpointer's own connection: it copies what no reader still needs and
    /// never waits for, nor blocks, the writer or a reader.
    func checkpointNow() {
        do {
            try connection.withLock { connection in
                if connection == nil {
                    var configuration = Configuration()
                    configuration.label = "senani.checkpoint"
                    // The copied pages are synced to the database file before the log may be reused.
                    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
                    connection = try DatabaseQueue(path: path, configuration: configuration)
                }
                _ = try connection?.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
            lastFailure.withLock { $0 = nil }
        } catch {
            // Nothing is lost: the log keeps every page until a later checkpoint (or the writer's, at `ceiling`)
            // copies it. A full disk is the usual cause, and intake reports that itself.
            lastFailure.withLock { $0 = "\(error)" }
        }
    }

    /// Waits until the checkpoint scheduled last (if any) has run.
    func drain() {
        queue.sync {}
    }
}
