import Foundation
import GRDB
@testable import SenaniStore
import SenaniTestSupport
import Testing

/// The writer's fast paths: values bound through SQLite's C API, and the log checkpointed off the commit.
@Suite struct WriterPathTests {
    @Test func rawBindingStoresEachValueAsGRDBWouldAndFailuresKeepSQLitesCode() throws {
        let fixture = try StoreFixture()
        let rows = try fixture.store.write { db in
            try db.execute(sql: "CREATE TEMP TABLE t (s TEXT, e TEXT, n TEXT, i INTEGER, d REAL, b BLOB, z BLOB, f INTEGER UNIQUE)")
            let sql = "INSERT INTO t (s, e, n, i, d, b, z, f) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            try db.executeRaw(sql: sql) { values in
                values.bind("दारू \"x\"")
                values.bind("")
                values.bind(String?.none)
                values.bind(Int64.min)
                values.bind(2.5)
                values.bind([0, 1, 255] as [UInt8])
                values.bind([] as [UInt8])
                values.bind(true)
            }
            // The same statement again, with a value that breaks the unique key: SQLite's code, nothing written.
            do {
                try db.executeRaw(sql: sql) { values in
                    for _ in 0..<7 { values.bind(String?.none) }
                    values.bind(true)
                }
                Issue.record("a duplicate unique value was accepted")
            } catch let error as DatabaseError {
                #expect(error.resultCode == .SQLITE_CONSTRAINT)
            }
            return try Row.fetchAll(
                db, sql: "SELECT s, e, n IS NULL AS nn, typeof(e) AS te, i, d, b, z IS NULL AS zn, f FROM t")
        }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["s"] as String == "दारू \"x\"")
        #expect(row["e"] as String == "" && row["te"] as String == "text")
        #expect(row["nn"] as Bool == true && row["zn"] as Bool == true)
        #expect(row["i"] as Int64 == Int64.min && row["d"] as Double == 2.5)
        #expect(row["b"] as Data == Data([0, 1, 255]) && row["f"] as Int == 1)
    }

    @Test func rawReadingGivesWhatGRDBReadsAndStopsAtTheFirstRowWhenAskedForOne() throws {
        let fixture = try StoreFixture()
        try fixture.store.write { db in
            try db.execute(sql: "CREATE TEMP TABLE r (k INTEGER, s TEXT, n TEXT, b INTEGER)")
            try db.execute(
                sql: "INSERT INTO r VALUES (1, 'दारू \"x\"', NULL, 1), (2, '', 'y', 0), (?, 'z', NULL, NULL)",
                arguments: [Int64.max])
            var seen: [String] = []
            try db.forEachRaw(sql: "SELECT k, s, n, b FROM r WHERE k >= ? ORDER BY k", bind: { $0.bind(Int64(1)) }) { row in
                let n = row.optionalText(2) ?? "nil"
                let b = row.isNull(3) ? "nil" : String(row.bool(3))
                seen.append("\(row.int64(0)) \(row.text(1)) \(n) \(b) \(row.optionalInt64(2) == nil)")
            }
            #expect(seen == ["1 दारू \"x\" nil true true", "2  y false false", "\(Int64.max) z nil nil true"])
            var texts: [String] = []
            try db.forEachRaw(sql: "SELECT s FROM r ORDER BY k") { texts.append($0.text(0)) }
            #expect(texts == (try String.fetchAll(db, sql: "SELECT s FROM r ORDER BY k")))
            // One row asked for: the first in order; none found: nil.
            #expect(try db.fetchOneRaw(sql: "SELECT k FROM r ORDER BY k DESC", row: { $0.int64(0) }) == Int64.max)
            #expect(try db.fetchOneRaw(sql: "SELECT k FROM r WHERE k < 0", row: { $0.int64(0) }) == nil)
            // A failing query throws SQLite's code, and its cached statement can be used again afterwards.
            let failing = "SELECT k FROM r WHERE k = ? AND abs(?) > 0"
            do {
                _ = try db.fetchOneRaw(sql: failing, bind: { $0.bind(Int64(1)); $0.bind(Int64.min) }, row: { $0.int64(0) })
                Issue.record("abs(Int64.min) did not overflow")
            } catch let error as DatabaseError {
                #expect(error.resultCode == .SQLITE_ERROR)
            }
            #expect(try db.fetchOneRaw(sql: failing, bind: { $0.bind(Int64(2)); $0.bind(Int64(5)) }, row: { $0.int64(0) }) == 2)
        }
    }

    @Test func theLogIsCopiedIntoTheDatabaseByTheCheckpointerNotByTheCommit() throws {
        let fixture = try StoreFixture()
        let file = fixture.directory.file("senani.sqlite")
        func size(_ path: String) -> Int { ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0 }
        let before = size(file)
        // Each transaction adds about 100 pages to the log; `threshold` pages start a background checkpoint.
        try fixture.store.write { db in try db.execute(sql: "CREATE TABLE filler (b BLOB)") }
        for _ in 0..<(Int(WALCheckpointer.threshold) / 100 + 5) {
            try fixture.store.write { db in
                for _ in 0..<100 { try db.execute(sql: "INSERT INTO filler VALUES (zeroblob(3000))") }
            }
        }
        fixture.store.checkpointer.drain()
        #expect(fixture.store.checkpointer.lastFailure.withLock { $0 } == nil)
        // The copied pages are in the database file itself now (SQLite's own autocheckpoint is off).
        #expect(size(file) > before + Int(WALCheckpointer.threshold) * 4096)
        let autocheckpoint = try fixture.store.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(autocheckpoint == 0)
    }
}

@Suite struct StatusCheckTests {
    @Test func statusChecksStillRefuseAndNoLongerBuildATemporaryTable() throws {
        let fixture = try StoreFixture()
        try fixture.store.write { db in
            for (table, insert) in [
                ("reports", "INSERT INTO reports (ref, thana_code, category, status, text, received_at, reporter, chat_id, message_id, language, fingerprint, word_count, updated_at) VALUES ('X-1', 'KHG-SADAR', 'liquor', ?, 't', 0, 'R', 1, 1, 'hi', 0, 1, 0)"),
                ("outbox", "INSERT INTO outbox (chat_id, template, parameters, status, not_before, created_at) VALUES (1, 't', '{}', ?, 0, 0)"),
            ] {
                let plan = try Row.fetchAll(db, sql: "EXPLAIN " + insert, arguments: ["new"]).map { $0["opcode"] as String }
                #expect(!plan.contains("OpenEphemeral"), "\(table)")
                do {
                    try db.execute(sql: insert, arguments: ["lost"])
                    Issue.record("\(table) took a status outside its check")
                } catch let error as DatabaseError {
                    #expect(error.resultCode == .SQLITE_CONSTRAINT)
                }
            }
            try db.execute(sql: "INSERT INTO outbox (chat_id, template, parameters, status, not_before, created_at) VALUES (1, 't', '{}', 'sent', 0, 0)")
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
        }
    }
}

@Suite struct ReporterLookupPlanTests {
    /// The ten-minute look-backs by informant use the indexes made for them, never a scan of the reports.
    @Test func lookBacksByInformantUseTheirIndexes() throws {
        let fixture = try StoreFixture()
        try fixture.store.write { db in
            func plan(_ sql: String, _ arguments: StatementArguments) throws -> String {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
                    .joined(separator: "; ")
            }
            let group = try plan(Store.lookBackSQL, [-1001, 100])
            #expect(group.contains("sqlite_autoindex_reports_2") && !group.contains("TEMP B-TREE"), "\(group)")
            let personal = try plan(
                """
                SELECT ref FROM reports WHERE reporter_key = ? AND source = 'private' AND received_at >= ?
                    AND status != 'closed' ORDER BY received_at DESC, id DESC LIMIT 1
                """, ["k", 0])
            #expect(personal.contains("reports_private_by_reporter"), "\(personal)")
        }
    }
}

@Suite struct NoticeIndexTests {
    /// An officer's notices are found by the report's row id (one page per batch), including those written before
    /// the index moved off the ref; the next due time is two seeks in the pending-only index, never a scan.
    @Test func noticesFromBeforeTheMoveAreFoundAndNeitherLookupScans() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("senani.sqlite")
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v13-inserts-seen-by-row-id")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO districts (code, name, created_at, updated_at) VALUES ('KHG', 'Khagaria', 0, 0);
                    INSERT INTO thanas (code, district_code, name, created_at, updated_at) VALUES ('KHG-SADAR', 'KHG', 'Sadar', 0, 0);
                    INSERT INTO reports (ref, thana_code, category, labels, confidence, status, text, received_at, reporter,
                        chat_id, message_id, fingerprint, word_count, updated_at)
                    VALUES ('KHG-SADAR-000001', 'KHG-SADAR', 'liquor', '[]', 0.9, 'new', 'daru', 0, 'R', -1001, 1, 0, 1, 0);
                    INSERT INTO outbox (id, chat_id, template, parameters, report_ref, not_before, created_at, officer_id)
                    VALUES (7, 42, 'sho_notice', '{}', 'KHG-SADAR-000001', 0, 0, 42);
                    INSERT INTO report_notices (ref, outbox_id, chat_id, officer_id) VALUES ('KHG-SADAR-000001', 7, 42, 42);
                    """)
        }
        try old.close()
        let store = try Store(path: path)
        try store.write { db in
            let notices = try Store.notices(db, ref: "KHG-SADAR-000001")
            #expect(notices.map(\.outboxID) == [7] && notices.map(\.officerID) == [42])
            func plan(_ sql: String, _ arguments: StatementArguments = []) throws -> String {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
                    .joined(separator: "; ")
            }
            let lookup = try plan(Store.noticesSQL, ["KHG-SADAR-000001"])
            #expect(lookup.contains("report_notices_by_report") && !lookup.contains("SCAN"), "\(lookup)")
        }
        try store.read { db in
            let due = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.nextDueSQL).map { $0["detail"] as String }
                .joined(separator: "; ")
            #expect(due.components(separatedBy: "SEARCH outbox USING INDEX outbox_pending (priority=?)").count == 3, "\(due)")
            let held = try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + Store.deferPendingSQL, arguments: [1, -1001, -1001, 2]
            ).map { $0["detail"] as String }.joined(separator: "; ")
            #expect(held.contains("USING INDEX outbox_pending"), "\(held)")
        }
    }
}
