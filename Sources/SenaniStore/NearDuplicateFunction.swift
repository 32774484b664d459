import GRDB
import GRDBSQLite
import TipAnalysis

/// `near_duplicate(fingerprint, word_count, fingerprint, word_count)`: TipAnalysis's rule, run inside SQLite so the
/// duplicate search scans a week of a thana's reports without building a row for each.
///
/// Registered through SQLite's C API rather than GRDB's `DatabaseFunction`, whose per-call boxing of arguments was a
/// quarter of intake time in senani-bench.
enum NearDuplicateFunction {
    static func register(in db: Database) throws {
        let code = sqlite3_create_function_v2(
            db.sqliteConnection, "near_duplicate", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, count, arguments in
                guard count == 4, let arguments else {
                    sqlite3_result_int(context, 0)
                    return
                }
                let a = Fingerprint(
                    bits: UInt64(bitPattern: sqlite3_value_int64(arguments[0])),
                    wordCount: Int(sqlite3_value_int64(arguments[1])))
                let b = Fingerprint(
                    bits: UInt64(bitPattern: sqlite3_value_int64(arguments[2])),
                    wordCount: Int(sqlite3_value_int64(arguments[3])))
                sqlite3_result_int(context, a.isNearDuplicate(of: b) ? 1 : 0)
            }, nil, nil, nil)
        guard code == SQLITE_OK else {
            throw StoreError(.database, "cannot register near_duplicate (SQLite code \(code))")
        }
        // `same_tip(repeat_key, repeat_key)`: RepeatJudge's rule (near words AND no conflicting facts) on the blobs.
        let sameTip = sqlite3_create_function_v2(
            db.sqliteConnection, "same_tip", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, count, arguments in
                guard count == 2, let arguments, let a = sqlite3_value_blob(arguments[0]),
                    let b = sqlite3_value_blob(arguments[1])
                else {
                    sqlite3_result_int(context, 0)
                    return
                }
                let same = RepeatJudge.isRepeat(
                    UnsafeRawBufferPointer(start: a, count: Int(sqlite3_value_bytes(arguments[0]))),
                    UnsafeRawBufferPointer(start: b, count: Int(sqlite3_value_bytes(arguments[1]))))
                sqlite3_result_int(context, same ? 1 : 0)
            }, nil, nil, nil)
        guard sameTip == SQLITE_OK else {
            throw StoreError(.database, "cannot register same_tip (SQLite code \(sameTip))")
        }
    }
}
