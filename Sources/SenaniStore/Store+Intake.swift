import Foundation
import GRDB
import TipAnalysis

extension Store {
    /// How long a tip may be told again and still be linked to the first telling.
    static let duplicateWindow: TimeInterval = 7 * 24 * 3600
    /// How soon after a tip a lone photo or location pin from the same informant still belongs to it.
    static let attachmentWindow: TimeInterval = 10 * 60

    /// The bindings and officers the update handler decides with.
    public func intakeContext() async throws(StoreError) -> IntakeContext {
        try await readAsync { db in
            var context = IntakeContext()
            for row in try Row.fetchAll(db, sql: "SELECT code, chat_id FROM thanas WHERE chat_id IS NOT NULL") {
                context.thanaByChat[row["chat_id"]] = row["code"]
            }
            for officer in try Self.fetchOfficers(db) { context.officers[officer.telegramID] = officer }
            return context
        }
    }

    /// The `getUpdates` offset to resume from, or nil on a fresh database.
    public func nextOffset() async throws(StoreError) -> Int64? {
        try await readAsync { db in try Int64.fetchOne(db, sql: "SELECT next_offset FROM poll_state WHERE id = 1") }
    }

    /// Applies a batch's effects and records its offset in one transaction: all of it happens, or none.
    ///
    /// Replaying a batch (after a crash between commit and the next poll) changes nothing the second time.
    public func commit(_ batch: IntakeBatch, at now: Date) async throws(StoreError) -> IntakeSummary {
        do {
            return try await commitOnce(batch, at: now)
        } catch {
            // Its reports are not in the database, so they must not stay among the repeat candidates either.
            repeatCandidates.invalidate()
            throw error
        }
    }

    private func commitOnce(_ batch: IntakeBatch, at now: Date) async throws(StoreError) -> IntakeSummary {
        try await writeAsync { [self] db in
            var summary = IntakeSummary()
            var lookups = IntakeLookups()
            for index in 0..<batch.parts {
                for effect in batch.part(index) { try apply(effect, db: db, now: now, summary: &summary, lookups: &lookups) }
            }
            try db.executeCached(
                sql: """
                    INSERT INTO poll_state (id, next_offset) VALUES (1, ?)
                    ON CONFLICT(id) DO UPDATE SET next_offset = max(next_offset, excluded.next_offset)
                    """,
                arguments: [batch.nextOffset])
            return summary
        }
    }

    private func apply(
        _ effect: IntakeEffect, db: Database, now: Date, summary: inout IntakeSummary, lookups: inout IntakeLookups
    ) throws {
        switch effect {
        case .newReport(let report, let followUp):
            if try existingReport(db, chatID: report.chatID, messageID: report.messageID) != nil {
                summary.replayed += 1
                return
            }
            try insertReport(report, followUp: followUp, db: db, now: now, summary: &summary, lookups: &lookups)
        case .editReport(let report, let followUp):
            guard let existing = try existingReport(db, chatID: report.chatID, messageID: report.messageID) else {
                if report.analysis.decision != .notTip {
                    try insertReport(report, followUp: followUp, db: db, now: now, summary: &summary, lookups: &lookups)
                }
                return
            }
            guard existing.status == ReportStatus.new.rawValue else { return }
            try updateAnalysis(ref: existing.ref, report: report, db: db, now: now)
            summary.updatedReports.append(existing.ref)
        case .attachToRecent(let chatID, let messageID, let userID, let at, let media, let location, let followUp):
            guard
                let (ref, added, pin) = try attach(
                    chatID: chatID, before: messageID, reporter: reporterKey(forUser: userID), at: at, media: media,
                    location: location, db: db, now: now, summary: &summary),
                let tip = try Self.storedTip(db, ref: ref)
            else { return }
            for var draft in followUp(tip, added, pin) {
                if draft.reportRef == nil { draft.reportRef = ref }
                try Self.enqueue(draft, db: db, now: now)
                summary.queuedMessages += 1
            }
        case .migrateChat(let from, let to):
            lookups = IntakeLookups()
            if try Self.migrateChat(from: from, to: to, db: db, now: now) { summary.migratedChats += 1 }
        case .send(let draft):
            try Self.enqueue(draft, db: db, now: now)
            summary.queuedMessages += 1
        case .sendAtMostEvery(let period, let purpose, let userID, let draft):
            let key = "\(purpose):\(pseudonym(forUser: userID))"
            let last = try Int64.fetchOne(db, sql: "SELECT at FROM sent_once WHERE key = ?", arguments: [key])
            guard last.map({ Double(now.unixSeconds - $0) >= period }) ?? true else { return }
            try db.execute(
                sql: "INSERT INTO sent_once (key, at) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET at = excluded.at",
                arguments: [key, now.unixSeconds])
            try Self.enqueue(draft, db: db, now: now)
            summary.queuedMessages += 1
        case .act(let request, let decide):
            // An officer action may register, transfer or mark officers: what was looked up before may be stale.
            lookups = IntakeLookups()
            let decision = decide(try Self.facts(for: request, db: db, now: now))
            summary.queuedMessages += try Self.apply(decision, db: db, now: now)
            summary.actions += 1
        case .informant(let message, let decide):
            for effect in try applyInformant(message, decide: decide, db: db, now: now, summary: &summary) {
                try apply(effect, db: db, now: now, summary: &summary, lookups: &lookups)
            }
        }
    }

    func existingReport(_ db: Database, chatID: Int64, messageID: Int64) throws -> (ref: String, status: String)? {
        try db.fetchOneRaw(
            sql: "SELECT ref, status FROM reports WHERE chat_id = ? AND message_id = ?",
            bind: {
                $0.bind(chatID)
                $0.bind(messageID)
            }
        ) { row in (row.text(0), row.text(1)) }
    }

    func insertReport(
        _ report: NewReport, followUp: TipFollowUp, db: Database, now: Date, summary: inout IntakeSummary,
        lookups: inout IntakeLookups
    ) throws {
        // Read once: for the search, and for the candidates if this is a first telling.
        let prepared = RepeatJudge.Prepared(report.analysis.repeatKey.bytes)
        let original = try findOriginal(of: report, key: prepared, db: db)
        guard
            let seq = try Store.takeReportNumber(db, thana: report.thanaCode)
        else { throw StoreError(.notFound, "no thana \(report.thanaCode)") }
        let ref = "\(report.thanaCode)-" + String(seq).leftPadded(to: 6)
        let analysis = report.analysis
        let reporterKey = reporterKey(forUser: report.reporterUserID)
        try db.executeRaw(
            sql: """
                INSERT INTO reports (ref, thana_code, category, labels, confidence, status, text, received_at, reporter,
                    chat_id, message_id, phones, vehicles, places, quantities, times, persons, booths, evidence, media,
                    language, forward_origin, fingerprint, word_count, duplicate_of, closed_at, outcome,
                    latitude, longitude, updated_at, repeat_key, needs_review, source, reporter_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ) { values in
            values.bind(ref)
            values.bind(report.thanaCode)
            values.bind(Self.storedCategory(analysis).rawValue)
            values.bind(JSONList.encode(analysis.labels.map(\.rawValue)))
            values.bind(analysis.confidence)
            values.bind(original == nil ? "new" : "closed")
            values.bind(report.text)
            values.bind(report.receivedAt.unixSeconds)
            values.bind(Self.pseudonym(ofKey: reporterKey))
            values.bind(report.chatID)
            values.bind(report.messageID)
            for list in [
                analysis.phones, analysis.vehicles, analysis.places, analysis.quantities, analysis.times, analysis.persons,
                analysis.booths, analysis.evidence,
            ] {
                values.bind(JSONList.encode(list))
            }
            values.bind(JSONList.encode(report.media))
            values.bind(analysis.language.rawValue)
            values.bind(report.forwardOrigin)
            values.bind(Int64(bitPattern: analysis.fingerprint.bits))
            values.bind(analysis.fingerprint.wordCount)
            values.bind(original)
            values.bind(original == nil ? nil : now.unixSeconds)
            values.bind(original == nil ? nil : ReportOutcome.duplicate.rawValue)
            values.bind(report.location?.latitude)
            values.bind(report.location?.longitude)
            values.bind(now.unixSeconds)
            values.bind(analysis.repeatKey.bytes)
            values.bind(analysis.decision == .possibleTip && original == nil)
            values.bind(report.source)
            values.bind(reporterKey)
        }
        repeatCandidates.inserted(
            id: db.lastInsertedRowID,
            entry: original == nil && !analysis.repeatKey.bytes.isEmpty
                ? RepeatCandidates.Entry(receivedAt: report.receivedAt.unixSeconds, ref: ref, key: prepared) : nil,
            thana: report.thanaCode)
        if let original {
            // The repeat is kept for the record, but the officer's queue grows only the first telling's count.
            try db.executeCached(
                sql: "UPDATE reports SET repeat_count = repeat_count + 1, updated_at = ? WHERE ref = ?",
                arguments: [now.unixSeconds, original])
            summary.duplicates.append(ref)
        } else {
            summary.newReports.append(ref)
        }
        guard let thana = try lookups.thana(report.thanaCode, db) else {
            throw StoreError(.notFound, "no thana \(report.thanaCode)")
        }
        // The report as just written, built from what was written: reading it back was a tenth of intake.
        let stored = Report(
            ref: ref, thanaCode: report.thanaCode, districtCode: thana.districtCode, category: Self.storedCategory(analysis),
            labels: analysis.labels, confidence: analysis.confidence, status: original == nil ? .new : .closed,
            source: report.source, text: report.text, receivedAt: Date(unixSeconds: report.receivedAt.unixSeconds),
            reporter: Self.pseudonym(ofKey: reporterKey), chatID: report.chatID, messageID: report.messageID,
            phones: analysis.phones, vehicles: analysis.vehicles, places: analysis.places, quantities: analysis.quantities,
            times: analysis.times, persons: analysis.persons, booths: analysis.booths, evidence: analysis.evidence,
            language: analysis.language, forwardOrigin: report.forwardOrigin, duplicateOf: original, repeatCount: 1,
            acknowledgedBy: nil, acknowledgedAt: nil, closedAt: original == nil ? nil : Date(unixSeconds: now.unixSeconds),
            outcome: original == nil ? nil : .duplicate, resolution: nil, transferredFrom: nil,
            needsReview: analysis.decision == .possibleTip && original == nil, version: 0, location: report.location,
            media: report.media)
        let tip = try Self.storedTip(db, report: stored, thana: thana, original: original, lookups: &lookups)
        let drafts = followUp(tip)
        for var draft in drafts {
            if draft.reportRef == nil { draft.reportRef = ref }
            try Self.enqueue(draft, db: db, now: now)
            summary.queuedMessages += 1
        }
    }

    /// The earlier report of the same thana that this one repeats, if any (the first telling, never a repeat):
    /// near in words and not conflicting in any fact (phone, vehicle, person, booth, place).
    private func findOriginal(of report: NewReport, key: RepeatJudge.Prepared?, db: Database) throws -> String? {
        guard let key else { return nil }
        let since = report.receivedAt.addingTimeInterval(-Self.duplicateWindow).unixSeconds
        return try repeatCandidates.newest(in: report.thanaCode, since: since, repeating: key, db: db)
    }

    private func updateAnalysis(ref: String, report: NewReport, db: Database, now: Date) throws {
        let analysis = report.analysis
        try db.executeCached(
            sql: """
                UPDATE reports SET text = ?, category = ?, labels = ?, confidence = ?, phones = ?, vehicles = ?,
                    places = ?, quantities = ?, times = ?, persons = ?, booths = ?, evidence = ?, language = ?,
                    fingerprint = ?, word_count = ?, updated_at = ?, repeat_key = ?
                WHERE ref = ?
                """,
            arguments: [
                report.text, Self.storedCategory(analysis).rawValue,
                JSONList.encode(analysis.labels.map(\.rawValue)), analysis.confidence,
                JSONList.encode(analysis.phones), JSONList.encode(analysis.vehicles), JSONList.encode(analysis.places),
                JSONList.encode(analysis.quantities), JSONList.encode(analysis.times), JSONList.encode(analysis.persons),
                JSONList.encode(analysis.booths), JSONList.encode(analysis.evidence), analysis.language.rawValue,
                Int64(bitPattern: analysis.fingerprint.bits), analysis.fingerprint.wordCount, now.unixSeconds,
                analysis.repeatKey.bytes.isEmpty ? nil : Data(analysis.repeatKey.bytes), ref,
            ])
    }

    /// A tip's category, or a possible tip's best guess (an officer confirms or changes it).
    static func storedCategory(_ analysis: TipAnalysis) -> TipCategory {
        analysis.decision == .tip ? analysis.category : (analysis.suggestedCategory == .none ? .other : analysis.suggestedCategory)
    }

    static func storedTip(_ db: Database, ref: String, original: String? = nil) throws -> StoredTip? {
        guard let report = try fetchReport(db, ref: ref), let thana = try fetchThana(db, code: report.thanaCode) else {
            return nil
        }
        var lookups = IntakeLookups()
        return try storedTip(db, report: report, thana: thana, original: original, lookups: &lookups)
    }

    static func storedTip(
        _ db: Database, report: Report, thana: Thana, original: String?, lookups: inout IntakeLookups
    ) throws -> StoredTip {
        StoredTip(
            report: report, original: try original.flatMap { try fetchReport(db, ref: $0) },
            originalNotices: try original.map { try notices(db, ref: $0) } ?? [],
            officers: try lookups.officers(thana: report.thanaCode, db),
            districtOfficers: try lookups.officers(district: report.districtCode, db), thana: thana)
    }

    /// A chat's reports (`?` 1) before a message (`?` 2), newest first, for the look-back of a lone photo.
    static let lookBackSQL = """
        SELECT source = 'import', received_at, reporter_key, status, ref, media, latitude IS NOT NULL
        FROM reports WHERE chat_id = ? AND message_id < ? ORDER BY message_id DESC
        """

    /// Adds media and a pin to the informant's latest open report in that chat, told within ten minutes before
    /// message `messageID`; returns what was new.
    func attach(
        chatID: Int64, before messageID: Int64, reporter: String, at: Date, media: [MediaRef], location: GeoPoint?,
        db: Database, now: Date, summary: inout IntakeSummary
    ) throws -> (String, [MediaRef], GeoPoint?)? {
        // The chat's reports before the photo, newest first, by the unique (chat, message) index: Telegram numbers
        // the messages the bot receives in a chat in the order it receives them, so the scan stops at the first
        // report older than the window. Imported reports are passed over, never stopped at: in a basic group an
        // export carries the exporting account's message ids, which need not follow the bot's.
        let since = at.addingTimeInterval(-Self.attachmentWindow).unixSeconds
        guard
            let (ref, existing, keepLocation) = try db.scanRaw(
                sql: Self.lookBackSQL,
                bind: {
                    $0.bind(chatID)
                    $0.bind(messageID)
                },
                { row -> RawScan<(String, [MediaRef], Bool)> in
                    if row.bool(0) { return .next }
                    if row.int64(1) < since { return .stop }
                    guard row.optionalText(2) == reporter, row.text(3) != ReportStatus.closed.rawValue else { return .next }
                    return .found((row.text(4), JSONList.decode(row.text(5)), row.bool(6)))
                })
        else { return nil }
        let added = media.filter { !existing.contains($0) }
        try db.executeCached(
            sql: """
                UPDATE reports SET media = ?, latitude = coalesce(latitude, ?), longitude = coalesce(longitude, ?),
                    updated_at = ? WHERE ref = ?
                """,
            arguments: [
                JSONList.encode(existing + added),
                keepLocation ? nil : location?.latitude, keepLocation ? nil : location?.longitude, now.unixSeconds, ref,
            ])
        summary.updatedReports.append(ref)
        return (ref, added, keepLocation ? nil : location)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// Lists stored as JSON text in one column.
enum JSONList {
    /// A JSON array of strings, written directly: JSONEncoder for ten small lists per report was a tenth of intake.
    static func encode(_ values: [String]) -> String {
        guard !values.isEmpty else { return "[]" }
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func encode<T: Encodable>(_ values: [T]) -> String {
        guard !values.isEmpty else { return "[]" }
        return (try? JSONEncoder().encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func decode<T: Decodable>(_ text: String?) -> [T] {
        // Most lists of most reports are empty: JSONDecoder for "[]" was a tenth of a report's reading.
        guard let text, text != "[]" else { return [] }
        if T.self == String.self, let strings = decodeStrings(text) { return strings as? [T] ?? [] }
        return (try? JSONDecoder().decode([T].self, from: Data(text.utf8))) ?? []
    }

    /// A JSON array of strings as `encode(_: [String])` writes it, read directly; nil for anything else.
    static func decodeStrings(_ text: String) -> [String]? {
        var result: [String] = []
        var scalars = text.unicodeScalars.makeIterator()
        guard scalars.next() == "[" else { return nil }
        var current = ""
        var inString = false
        while let scalar = scalars.next() {
            if inString {
                switch scalar {
                case "\\":
                    guard let escaped = scalars.next() else { return nil }
                    switch escaped {
                    case "n": current.unicodeScalars.append("\n")
                    case "r": current.unicodeScalars.append("\r")
                    case "t": current.unicodeScalars.append("\t")
                    case "\"", "\\", "/": current.unicodeScalars.append(escaped)
                    default: return nil  // \u escapes and the rare others: leave them to JSONDecoder
                    }
                case "\"":
                    result.append(current)
                    current = ""
                    inString = false
                default:
                    current.unicodeScalars.append(scalar)
                }
            } else {
                switch scalar {
                case "\"": inString = true
                case ",", " ": continue
                case "]": return result
                default: return nil
                }
            }
        }
        return nil
    }

    /// A JSON object of strings, written directly (template parameters, on every queued message).
    static func encode(_ object: [String: String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        // Byte order (the keys are ASCII parameter names): String comparison is Unicode-aware and slower.
        for (index, key) in object.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.appendString(object[key] ?? "", to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}

/// What one batch's reports look up again and again (their thana, its officers, the district's), read once per
/// batch. Cleared by anything in the batch that may change them.
struct IntakeLookups {
    private var thanas: [String: Thana] = [:]
    private var officersByThana: [String: [Officer]] = [:]
    private var officersByDistrict: [String: [Officer]] = [:]

    mutating func thana(_ code: String, _ db: Database) throws -> Thana? {
        if let thana = thanas[code] { return thana }
        let thana = try Store.fetchThana(db, code: code)
        thanas[code] = thana
        return thana
    }

    mutating func officers(thana code: String, _ db: Database) throws -> [Officer] {
        if let officers = officersByThana[code] { return officers }
        let officers = try Store.fetchOfficers(db, thana: code)
        officersByThana[code] = officers
        return officers
    }

    mutating func officers(district code: String, _ db: Database) throws -> [Officer] {
        if let officers = officersByDistrict[code] { return officers }
        let officers = try Store.fetchOfficers(db, district: code)
        officersByDistrict[code] = officers
        return officers
    }
}
