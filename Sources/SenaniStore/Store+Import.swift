import Foundation
import GRDB
import TipAnalysis

/// What became of one message offered to an import.
public enum ImportedReport: Sendable, Hashable {
    /// Stored as a new closed report; `duplicateOf` is the earlier report of the thana it repeats.
    case queued(ref: String, duplicateOf: String?)
    /// A report with the same chat and message id was already stored (an earlier import, or live intake).
    case alreadyThere(ref: String)
}

/// One import in progress: valid only inside the `Store.importReports` call that made it, which is one transaction.
///
/// Imported reports are past tips: `source` `import`, status `closed`, outcome `imported`, dated when they were
/// sent, and linked to the earlier tellings they repeat by the same rule as live intake. Nothing is queued to send.
public final class ImportSession {
    /// The thana the reports go to.
    public let thanaCode: String
    private let db: Database
    private let store: Store
    private let now: Date
    private let officerIDs: Set<Int64>

    fileprivate init(db: Database, store: Store, thanaCode: String, now: Date) throws {
        self.db = db
        self.store = store
        self.thanaCode = thanaCode
        self.now = now
        officerIDs = Set(try Int64.fetchAll(db, sql: "SELECT telegram_id FROM officers"))
    }

    /// True when `userID` is a registered officer: his messages are the police side, never a tip (as in live intake).
    public func isOfficer(_ userID: Int64) -> Bool {
        officerIDs.contains(userID)
    }

    /// Stores `report` unless its chat and message id are already stored. `report.thanaCode` is ignored: every
    /// report of the session goes to the session's thana.
    public func add(_ report: NewReport) throws -> ImportedReport {
        if let ref = try String.fetchOne(
            db.cachedStatement(sql: "SELECT ref FROM reports WHERE chat_id = ? AND message_id = ?"),
            arguments: [report.chatID, report.messageID])
        {
            return .alreadyThere(ref: ref)
        }
        var report = report
        report.thanaCode = thanaCode
        let prepared = RepeatJudge.Prepared(report.analysis.repeatKey.bytes)
        let original = try earlierOriginal(of: report, key: prepared)
        guard
            let seq = try Store.takeReportNumber(db, thana: thanaCode)
        else { throw StoreError(.notFound, "no thana \(thanaCode)") }
        let ref = "\(thanaCode)-" + String(seq).leftPadded(to: 6)
        let analysis = report.analysis
        // A possible tip keeps the category the analysis suggests; it is closed, so no officer is asked to review it.
        let category = analysis.isTip ? analysis.category : analysis.suggestedCategory
        try db.executeCached(
            sql: """
                INSERT INTO reports (ref, thana_code, category, labels, confidence, status, text, received_at, reporter,
                    chat_id, message_id, phones, vehicles, places, quantities, times, persons, booths, evidence, media,
                    language, forward_origin, fingerprint, word_count, duplicate_of, closed_at, outcome,
                    latitude, longitude, updated_at, source, needs_review, repeat_key)
                VALUES (?, ?, ?, ?, ?, 'closed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported',
                    ?, ?, ?, 'import', 0, ?)
                """,
            arguments: [
                ref, thanaCode, (category == .none ? TipCategory.other : category).rawValue,
                JSONList.encode(analysis.labels.map(\.rawValue)), analysis.confidence, report.text,
                report.receivedAt.unixSeconds, store.pseudonym(forUser: report.reporterUserID), report.chatID,
                report.messageID, JSONList.encode(analysis.phones), JSONList.encode(analysis.vehicles),
                JSONList.encode(analysis.places), JSONList.encode(analysis.quantities), JSONList.encode(analysis.times),
                JSONList.encode(analysis.persons), JSONList.encode(analysis.booths), JSONList.encode(analysis.evidence),
                JSONList.encode(report.media), analysis.language.rawValue, report.forwardOrigin,
                Int64(bitPattern: analysis.fingerprint.bits), analysis.fingerprint.wordCount, original,
                // Closed when it was told: an import must not swamp today's "closed" figures with the group's past.
                report.receivedAt.unixSeconds, report.location?.latitude, report.location?.longitude, now.unixSeconds,
                analysis.repeatKey.bytes.isEmpty ? nil : Data(analysis.repeatKey.bytes),
            ])
        store.repeatCandidates.inserted(
            id: db.lastInsertedRowID,
            entry: original == nil && !analysis.repeatKey.bytes.isEmpty
                ? RepeatCandidates.Entry(receivedAt: report.receivedAt.unixSeconds, ref: ref, key: prepared) : nil,
            thana: thanaCode)
        if let original {
            try db.executeCached(
                sql: "UPDATE reports SET repeat_count = repeat_count + 1, updated_at = ? WHERE ref = ?",
                arguments: [now.unixSeconds, original])
        }
        return .queued(ref: ref, duplicateOf: original)
    }

    /// The first telling this tip repeats: live intake's rule (same thana, within the week before, same_tip: near
    /// words and no conflicting fact, never a repeat itself), bounded above by the tip's own time, because an import
    /// may go into a database that already holds later reports.
    private func earlierOriginal(of report: NewReport, key: RepeatJudge.Prepared?) throws -> String? {
        guard let key else { return nil }
        let since = report.receivedAt.addingTimeInterval(-Store.duplicateWindow).unixSeconds
        return try store.repeatCandidates.newest(
            in: thanaCode, since: since, until: report.receivedAt.unixSeconds, repeating: key, db: db)
    }

    /// Appends the import's line to the audit log (actor `cli`, action `import`), in the import's transaction.
    public func audit(detail: String) throws {
        try Store.audit(db, AuditEntry(at: now, actor: "cli", action: "import", detail: detail))
    }
}

extension Store {
    /// Runs `body` with an import session for `thana`, in ONE write transaction: if `body` throws (a bad file half
    /// way), nothing it added stays. Errors from `body` are rethrown as they are; SQLite's as `StoreError`.
    ///
    /// Blocks the calling thread for the whole import, and holds the write lock meanwhile (live intake waits, then
    /// retries: Telegram keeps its updates). Call it from a thread of its own, not the cooperative pool.
    public func importReports<T>(thana: String, at now: Date, _ body: (ImportSession) throws -> T) throws -> T {
        // Whatever the import added is gone if it fails, so it must not stay among the repeat candidates either.
        do {
            return try pool.write { db in
                guard try Self.fetchThana(db, code: thana) != nil else {
                    throw StoreError(.notFound, "no thana \(thana); add it first with `senani thana add`")
                }
                return try body(try ImportSession(db: db, store: self, thanaCode: thana, now: now))
            }
        } catch let error as DatabaseError {
            repeatCandidates.invalidate()
            throw Self.wrap(error)
        } catch {
            repeatCandidates.invalidate()
            throw error
        }
    }
}
