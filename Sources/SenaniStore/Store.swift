import Foundation
import GRDB

/// The one place that speaks SQL: Senani's SQLite database, opened in WAL mode and migrated on open.
///
/// Every method is one transaction, so a step either happens whole or not at all.
public final class Store: Sendable {
    let pool: DatabasePool
    /// Keys derived from the install key (see `InstallKey`), one per purpose.
    let pseudonymKey: HMACKey
    let signingKey: HMACKey
    /// Where the install key came from, and whether it is the one this database was used with.
    public let key: InstallKey.Loaded
    /// False when the database was used with another key (a restored copy opened without its key file):
    /// reading works, but pseudonyms of new tips would not match and sealed chat ids cannot be read.
    public let keyMatchesDatabase: Bool
    private let waits: BusyWaits
    let checkpointer: WALCheckpointer
    /// The writer's copy of the repeat search's candidates.
    let repeatCandidates = RepeatCandidates()

    /// Opens (creating if needed) and migrates the database at `path`.
    ///
    /// - Parameter keyFile: the install key (default: `InstallKey.defaultPath(forDatabase:)`). Created (mode 0600)
    ///   only for a database that was never used with a key; otherwise a missing file leaves a throwaway key, so
    ///   a copied database opened without its key reveals nothing and no stray key file appears.
    /// - Parameter busyTimeout: how long one write waits for a lock held by another process before it fails as
    ///   `.unavailable(.busy)`. `interruptWaits()` cuts every wait short, so shutdown never hangs on a lock.
    public init(path: String, keyFile: String? = nil, busyTimeout: Duration = .seconds(10)) throws(StoreError) {
        var loaded = try InstallKey.load(path: keyFile ?? InstallKey.defaultPath(forDatabase: path))
        let sealing = SealingFunctions(key: loaded.key)
        let waits = BusyWaits(timeout: busyTimeout)
        self.waits = waits
        let checkpointer = WALCheckpointer(path: path)
        self.checkpointer = checkpointer
        var configuration = Configuration()
        configuration.busyMode = .callback { tries in waits.shouldRetry(tries: tries) }
        configuration.foreignKeysEnabled = true
        configuration.label = "senani"
        // The poller, the sender and the scheduler read concurrently. Two readers were too few: a synchronous read
        // waiting for a reader on a cooperative thread, while async reads waited for that thread, deadlocked.
        configuration.maximumReaderCount = 4
        configuration.prepareDatabase { db in
            try NearDuplicateFunction.register(in: db)
            sealing.register(in: db)
            if db.configuration.readonly {
                // Readers look up a few rows at a time (the outbox's next messages, a report, a digest's counts).
                try db.execute(sql: "PRAGMA cache_size = -1000")
            } else {
                // FULL: a commit is on disk before the next getUpdates confirms its offset to Telegram, so not even
                // a power cut can lose a tip Telegram has already forgotten.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // 2 MB of page cache for the writer: its reads are index lookups (the repeat search is in memory),
                // and the process must stay within 60 MB. A batch of tips from forty thanas dirties 250 to 330 pages,
                // within its 470. (Letting dirty pages grow past the cache instead of spilling them, with
                // cache_spill, took `senani import` from 45 to 109 MB.)
                try db.execute(sql: "PRAGMA cache_size = -2000")
                // What is deleted (the old in-database secret, held tips once queued) is overwritten, not left
                // in free pages for a copy of the file to give away.
                try db.execute(sql: "PRAGMA secure_delete = ON")
                try checkpointer.install(on: db)
            }
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: directory) else {
                throw StoreError(.invalidArgument, "database folder \(directory) does not exist")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
            let check = try pool.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'key_check'")
            }
            if check == nil {
                // A database never used with a key (new, or from before keys left it) takes this one for good.
                loaded = try InstallKey.persist(loaded)
                try pool.write { db in
                    try db.execute(
                        sql: "INSERT INTO settings (key, value) VALUES ('key_check', ?)", arguments: [loaded.key.check])
                }
            }
            key = loaded
            keyMatchesDatabase = check == nil || check == loaded.key.check
            pseudonymKey = HMACKey(loaded.key.derived("pseudonym"))
            signingKey = HMACKey(loaded.key.derived("sign"))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, "cannot open database \(path): \(Self.describe(error))")
        }
    }

    /// Names of the migrations applied, oldest first.
    public func appliedMigrations() throws(StoreError) -> [String] {
        // In the order they were registered: sorted as text, "v10" would come before "v2".
        try read { db in
            let applied = try Migrations.migrator.appliedIdentifiers(db)
            return Migrations.migrator.migrations.filter(applied.contains)
        }
    }

    /// A consistent copy of the live database at `path`, safe while the bot runs: SQLite's online backup from one
    /// read snapshot, so it holds every transaction committed before it began and none half. The copy is written
    /// beside `path` under a temporary name, checked with `PRAGMA integrity_check`, made a single file (no WAL),
    /// synced, and only then renamed to `path`: a crash or a full disk never leaves a half copy under the real name.
    public func backup(to path: String) throws(StoreError) {
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError(.conflict, "\(path) already exists; choose a new file")
        }
        let partial = path + ".partial"
        func removePartial() {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        }
        removePartial()
        do {
            let destination = try DatabaseQueue(path: partial)
            try pool.backup(to: destination)
            try destination.writeWithoutTransaction { db in
                // One self-contained file: a restore copies exactly this file back.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            let problems = try destination.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            try destination.close()
            guard problems == ["ok"] else {
                throw StoreError(.database, "the copy failed its integrity check: \(problems.prefix(3).joined(separator: "; "))")
            }
            if let handle = FileHandle(forUpdatingAtPath: partial) {
                try handle.synchronize()
                try handle.close()
            }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch let error as StoreError {
            removePartial()
            throw error
        } catch {
            removePartial()
            throw StoreError(.database, "backup to \(path) failed: \(Self.describe(error))")
        }
    }

    /// `PRAGMA integrity_check` of the database file at `path`, opened read-only: `["ok"]` when it is sound.
    public static func integrityCheck(path: String) throws(StoreError) -> [String] {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            throw StoreError(.database, "cannot check \(path): \(describe(error))")
        }
    }

    /// Makes every wait for a lock give up at once, now and from now on: called on shutdown so that a database
    /// held by another process cannot hold the process past its stop deadline.
    public func interruptWaits() {
        waits.interrupt()
    }

    /// The informant's stable pseudonym as people see it: `R-` and 40 bits of his key, enough that two
    /// informants of a state never share one.
    func pseudonym(forUser userID: Int64) -> String {
        Self.pseudonym(ofKey: reporterKey(forUser: userID))
    }

    static func pseudonym(ofKey key: String) -> String { "R-" + key.prefix(10) }

    /// The informant's internal key: the full keyed hash of his Telegram user id (64 hex digits).
    func reporterKey(forUser userID: Int64) -> String {
        pseudonymKey.mac(Array("user:\(userID)".utf8)).hexString
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.wrap(error)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw Self.wrap(error)
        }
    }

    func readAsync<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.wrap(error)
        }
    }

    func writeAsync<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw Self.wrap(error)
        }
    }

    static func wrap(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError, let fault = fault(of: error.resultCode) {
            return StoreError(.unavailable, describe(error), fault: fault)
        }
        return StoreError(.database, describe(error))
    }

    /// The result codes that say the environment, not the statement, failed; nil for the statement's own fault.
    static func fault(of code: ResultCode) -> StoreError.Fault? {
        switch code {
        case .SQLITE_FULL: .full
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PROTOCOL, .SQLITE_NOMEM: .io
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: .readOnly
        case .SQLITE_INTERRUPT, .SQLITE_ABORT: .interrupted
        default: nil
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode)"
        }
        return String(describing: error)
    }
}

extension Date {
    var unixSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    var unixMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
    init(unixSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(unixSeconds)) }
}

extension Database {
    /// `execute(sql:arguments:)` through the connection's statement cache: the intake path runs the same few
    /// statements thousands of times, and compiling each anew was a third of its cost.
    func executeCached(sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

extension Store {
    /// A keyed signature of `message` for `purpose` (callback buttons, deep links), with a key derived from the
    /// install key: nobody without the key file can make one, and a signature for one purpose is worthless for
    /// another.
    public func signature(of message: String, purpose: String) -> [UInt8] {
        signingKey.mac(Array("\(purpose):\(message)".utf8))
    }
}

extension Store {
    /// Caps the database at `pages` pages (nil: SQLite's default, no cap) for this process's writes: past it, writes
    /// fail as a full disk does. Tests use it to show that a full disk loses nothing; an operator could use it as a
    /// hard size limit.
    public func limitSize(pages: Int?) async throws(StoreError) {
        do {
            try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA max_page_count = \(pages ?? 4_294_967_294)")
            }
        } catch {
            throw Self.wrap(error)
        }
    }
}

extension Store {
    /// The database's size in pages.
    public func pageCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
    }
}
