import Foundation
import GRDB
import Synchronization
import TipAnalysis

/// The first tellings a new tip may repeat (per thana: received time, repeat key, ref), kept in memory by the
/// writer so that the repeat search compares keys in Swift instead of scanning the thana's week in SQLite.
///
/// The search was a third of the intake transaction in senani-bench, where each thana gets hundreds of tips a week.
/// The memory never decides anything SQLite would not: it is a copy of the thana's first tellings with a key, in
/// (received_at, ref) order, loaded with one query, and it is thrown away whenever the database may hold what the
/// copy has not seen:
/// - the `repeat_epoch` moved: triggers bump it when a report's thana, time, key or `duplicate_of` changes or a
///   report is deleted, by this process or any other;
/// - the newest report id is not the last one recorded here: reports are numbered in order (AUTOINCREMENT), so an
///   insert this copy was not told of, from any process, shows as an id it never saw.
///
/// Intake and imports record each report they insert (`inserted`); a transaction that fails throws the copy away,
/// since its inserts are gone from the database while they would stay here.
final class RepeatCandidates: Sendable {
    struct Entry {
        let receivedAt: Int64
        let ref: String
        /// Nil for a key RepeatJudge cannot read: it never matches, as in SQL.
        let key: RepeatJudge.Prepared?

        init(receivedAt: Int64, ref: String, key: RepeatJudge.Prepared?) {
            self.receivedAt = receivedAt
            self.ref = ref
            self.key = key
        }

        /// The order of the copy: time, then ref (a later report of the same second is the newer one).
        func precedes(_ other: Entry) -> Bool {
            if receivedAt != other.receivedAt { return receivedAt < other.receivedAt }
            return ref.utf8.lexicographicallyPrecedes(other.ref.utf8)
        }
    }

    private struct Thana {
        /// Every first telling with a key received at or after `since`, in index order.
        var since: Int64
        var entries: [Entry]
    }

    /// Where the database stood when the copy was last checked against it.
    private struct Version: Equatable {
        var epoch: Int64
        var lastReport: Int64
    }

    private struct State {
        var version: Version?
        var thanas: [String: Thana] = [:]
        var count = 0
    }

    /// Beyond this many entries (a state-wide install's busiest week) the copy starts over rather than grow.
    static let maximumEntries = 100_000
    private let state = Mutex(State())

    /// The ref of the newest first telling in `thana` received from `since` to `until` whose key repeats `key`
    /// (RepeatJudge), as `… ORDER BY received_at DESC, ref DESC LIMIT 1` would find it.
    func newest(
        in thana: String, since: Int64, until: Int64? = nil, repeating key: RepeatJudge.Prepared, db: Database
    ) throws -> String? {
        let version = try Self.version(db)
        return try state.withLock { state in
            if state.version != version || state.count > Self.maximumEntries { state = State(version: version) }
            if let loaded = state.thanas[thana], loaded.since <= since {
                // Older entries are dropped a day at a time, so the copy stays about a week long.
                if since - loaded.since > Self.pruneStep { prune(thana, before: since, state: &state) }
            } else {
                let entries = try Self.load(thana, since: since, db: db)
                state.count += entries.count - (state.thanas[thana]?.entries.count ?? 0)
                state.thanas[thana] = Thana(since: since, entries: entries)
            }
            guard let entries = state.thanas[thana]?.entries else { return nil }
            for entry in entries.reversed() {
                if let until, entry.receivedAt > until { continue }
                guard entry.receivedAt >= since else { return nil }
                if let theirs = entry.key, RepeatJudge.isRepeat(key, theirs) { return entry.ref }
            }
            return nil
        }
    }

    static let pruneStep: Int64 = 24 * 3600

    private func prune(_ thana: String, before since: Int64, state: inout State) {
        guard var list = state.thanas.removeValue(forKey: thana) else { return }
        let keep = list.entries.firstIndex { $0.receivedAt >= since } ?? list.entries.count
        list.entries.removeFirst(keep)
        list.since = since
        state.count -= keep
        state.thanas[thana] = list
    }

    /// Records a report intake or an import has just inserted as row `id`; `entry` when it is a first telling with
    /// a key, the only kind a search can return.
    func inserted(id: Int64, entry: Entry?, thana: String) {
        state.withLock { state in
            guard let version = state.version else { return }
            guard id == version.lastReport + 1 else {
                state = State()  // someone else inserted since the copy was checked
                return
            }
            state.version?.lastReport = id
            guard let entry, var list = state.thanas[thana], entry.receivedAt >= list.since else { return }
            state.thanas[thana] = nil  // keep the array uniquely referenced while it grows
            var index = list.entries.count
            while index > 0 && entry.precedes(list.entries[index - 1]) { index -= 1 }
            list.entries.insert(entry, at: index)
            state.thanas[thana] = list
            state.count += 1
        }
    }

    /// Forgets everything (a transaction that added entries did not commit).
    func invalidate() {
        state.withLock { $0 = State() }
    }

    private static func version(_ db: Database) throws -> Version {
        try db.fetchOneRaw(
            sql: "SELECT (SELECT n FROM repeat_epoch WHERE id = 1), (SELECT coalesce(max(id), 0) FROM reports)"
        ) { row in Version(epoch: row.int64(0), lastReport: row.int64(1)) } ?? Version(epoch: 0, lastReport: 0)
    }

    private static func load(_ thana: String, since: Int64, db: Database) throws -> [Entry] {
        var entries: [Entry] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT received_at, repeat_key, ref FROM reports
                    WHERE thana_code = ? AND received_at >= ? AND duplicate_of IS NULL AND repeat_key IS NOT NULL
                    ORDER BY received_at, ref
                    """),
            arguments: [thana, since])
        while let row = try rows.next() {
            let key: Data = row[1]
            entries.append(Entry(receivedAt: row[0], ref: row[2], key: RepeatJudge.Prepared(Array(key))))
        }
        return entries
    }
}
