import Foundation
import GRDB

extension Store {
    /// Adds a district, or updates its name and digest settings.
    public func upsertDistrict(_ district: District, at now: Date) throws(StoreError) {
        try Validate.code(district.code, what: "district code")
        try Validate.name(district.name)
        guard (0...23).contains(district.digestHour) else {
            throw StoreError(.invalidArgument, "digest hour must be 0–23 (IST), not \(district.digestHour)")
        }
        if let chat = district.digestChatID, chat == 0 {
            throw StoreError(.invalidArgument, "digest chat id must not be 0")
        }
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO districts (code, name, digest_chat_id, digest_hour, created_at, updated_at, digest_language)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET name = excluded.name, digest_chat_id = excluded.digest_chat_id,
                        digest_hour = excluded.digest_hour, updated_at = excluded.updated_at,
                        digest_language = excluded.digest_language
                    """,
                arguments: [
                    district.code, district.name, district.digestChatID, district.digestHour, now.unixSeconds,
                    now.unixSeconds, district.digestLanguage.rawValue,
                ])
            try Self.audit(
                db,
                AuditEntry(
                    at: now, actor: "cli", action: "district.upsert", after: district.code,
                    detail: "digest hour \(district.digestHour), \(district.digestLanguage.rawValue), chat \(district.digestChatID.map(String.init) ?? "none")"))
        }
    }

    /// Adds a thana, or updates it. With a chat id, binds that group to it.
    public func upsertThana(_ thana: Thana, at now: Date) throws(StoreError) {
        try Validate.code(thana.code, what: "thana code")
        try Validate.name(thana.name)
        if let chat = thana.chatID, chat >= 0 {
            throw StoreError(.invalidArgument, "a group chat id is negative (like -1001234567890), not \(chat)")
        }
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM districts WHERE code = ?", arguments: [thana.districtCode])
                != nil
            else {
                throw StoreError(.notFound, "no district \(thana.districtCode); add it first with `senani district add`")
            }
            let before = try Self.fetchThana(db, code: thana.code)
            if let chat = thana.chatID,
                let other = try String.fetchOne(
                    db, sql: "SELECT code FROM thanas WHERE chat_id = ? AND code != ?", arguments: [chat, thana.code])
            {
                throw StoreError(.conflict, "group \(chat) is already bound to thana \(other)")
            }
            try db.execute(
                sql: """
                    INSERT INTO thanas (code, district_code, name, chat_id, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET district_code = excluded.district_code, name = excluded.name,
                        chat_id = coalesce(excluded.chat_id, thanas.chat_id), updated_at = excluded.updated_at
                    """,
                arguments: [
                    thana.code, thana.districtCode, thana.name, thana.chatID, now.unixSeconds, now.unixSeconds,
                ])
            try Self.audit(
                db,
                AuditEntry(
                    at: now, actor: "cli", action: "thana.upsert", before: before.map(Self.describe),
                    after: try Self.fetchThana(db, code: thana.code).map(Self.describe)))
        }
    }

    /// Registers an officer, or changes his role and scope.
    public func upsertOfficer(_ officer: Officer, at now: Date) throws(StoreError) {
        try Validate.name(officer.name)
        guard officer.telegramID > 0 else {
            throw StoreError(.invalidArgument, "a Telegram user id is a positive number, not \(officer.telegramID)")
        }
        switch officer.role {
        case .sho where officer.thanaCode == nil:
            throw StoreError(.invalidArgument, "an SHO needs --thana")
        case .sp where officer.districtCode == nil:
            throw StoreError(.invalidArgument, "an SP needs --district")
        default: break
        }
        try write { db in
            var officer = officer
            let before = try Self.fetchOfficer(db, id: officer.telegramID)
            if let thana = officer.thanaCode {
                guard
                    let district = try String.fetchOne(
                        db, sql: "SELECT district_code FROM thanas WHERE code = ?", arguments: [thana])
                else { throw StoreError(.notFound, "no thana \(thana); add it first with `senani thana add`") }
                if let given = officer.districtCode, given != district {
                    throw StoreError(.conflict, "thana \(thana) is in district \(district), not \(given)")
                }
                officer.districtCode = district
            }
            if let district = officer.districtCode,
                try Bool.fetchOne(db, sql: "SELECT 1 FROM districts WHERE code = ?", arguments: [district]) == nil
            {
                throw StoreError(.notFound, "no district \(district)")
            }
            try db.execute(
                sql: """
                    INSERT INTO officers (telegram_id, role, thana_code, district_code, name, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(telegram_id) DO UPDATE SET role = excluded.role, thana_code = excluded.thana_code,
                        district_code = excluded.district_code, name = excluded.name
                    """,
                arguments: [
                    officer.telegramID, officer.role.rawValue, officer.thanaCode, officer.districtCode, officer.name,
                    now.unixSeconds,
                ])
            try Self.audit(
                db,
                AuditEntry(
                    at: now, actor: "cli", action: "officer.upsert", before: before.map(Self.describe),
                    after: Self.describe(officer), detail: "officer \(officer.telegramID)"))
        }
    }

    /// Revokes an officer.
    public func removeOfficer(telegramID: Int64, at now: Date) throws(StoreError) {
        try write { db in
            guard let before = try Self.fetchOfficer(db, id: telegramID) else {
                throw StoreError(.notFound, "no officer with Telegram id \(telegramID)")
            }
            try db.execute(sql: "DELETE FROM officers WHERE telegram_id = ?", arguments: [telegramID])
            try Self.audit(
                db,
                AuditEntry(
                    at: now, actor: "cli", action: "officer.remove", before: Self.describe(before), after: "removed",
                    detail: "officer \(telegramID)"))
        }
    }

    public func districts() throws(StoreError) -> [District] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM districts ORDER BY code").map(Self.district)
        }
    }

    public func thanas() throws(StoreError) -> [Thana] {
        try read { db in try Self.fetchThanas(db, where: "1") }
    }

    public func officers() throws(StoreError) -> [Officer] {
        try read { db in try Self.fetchOfficers(db) }
    }

    /// `officers()` for async code: a synchronous read there blocks a thread of Swift's small cooperative pool
    /// while it waits for a reader that an async read may only release on that pool, which can hang the process.
    public func readOfficers() async throws(StoreError) -> [Officer] {
        try await readAsync { db in try Self.fetchOfficers(db) }
    }

    static func fetchOfficers(_ db: Database) throws -> [Officer] {
        try fetchOfficers(db, where: "1")
    }

    static func fetchOfficer(_ db: Database, id: Int64) throws -> Officer? {
        try fetchOfficers(db, where: "telegram_id = ?") { $0.bind(id) }.first
    }

    /// The SHOs of a thana.
    static func fetchOfficers(_ db: Database, thana: String) throws -> [Officer] {
        try fetchOfficers(db, where: "role = 'sho' AND thana_code = ?") { $0.bind(thana) }
    }

    /// The SPs of a district.
    static func fetchOfficers(_ db: Database, district: String) throws -> [Officer] {
        try fetchOfficers(db, where: "role = 'sp' AND district_code = ?") { $0.bind(district) }
    }

    /// The officers `condition` selects (its `?`s bound by `bind`), by Telegram id.
    ///
    /// Read raw, by column position (see RawStatement): intake looks up each batch's thanas and their officers.
    static func fetchOfficers(
        _ db: Database, where condition: String, bind: (inout RawBinder) -> Void = { _ in }
    ) throws -> [Officer] {
        var officers: [Officer] = []
        try db.forEachRaw(
            sql: """
                SELECT telegram_id, role, thana_code, district_code, name, reachable FROM officers
                WHERE \(condition) ORDER BY telegram_id
                """,
            bind: bind
        ) { row in
            var officer = Officer(
                telegramID: row.int64(0), role: OfficerRole(rawValue: row.text(1)) ?? .sho, thanaCode: row.optionalText(2),
                districtCode: row.optionalText(3), name: row.text(4))
            officer.reachable = row.isNull(5) ? nil : row.bool(5)
            officers.append(officer)
        }
        return officers
    }

    static func fetchThana(_ db: Database, code: String) throws -> Thana? {
        try fetchThanas(db, where: "code = ?") { $0.bind(code) }.first
    }

    /// The thanas `condition` selects (its `?`s bound by `bind`), by code; read raw, like the officers.
    static func fetchThanas(
        _ db: Database, where condition: String, bind: (inout RawBinder) -> Void = { _ in }
    ) throws -> [Thana] {
        var thanas: [Thana] = []
        try db.forEachRaw(
            sql: """
                SELECT code, district_code, name, chat_id, delete_tips, delete_tips_warned_at IS NOT NULL
                FROM thanas WHERE \(condition) ORDER BY code
                """,
            bind: bind
        ) { row in
            var thana = Thana(code: row.text(0), districtCode: row.text(1), name: row.text(2), chatID: row.optionalInt64(3))
            thana.deleteTips = row.bool(4)
            thana.deleteTipsWarned = row.bool(5)
            thanas.append(thana)
        }
        return thanas
    }

    static func district(_ row: Row) -> District {
        District(
            code: row["code"], name: row["name"], digestChatID: row["digest_chat_id"], digestHour: row["digest_hour"],
            digestLanguage: DigestLanguage(rawValue: row["digest_language"] ?? "hi") ?? .hindi)
    }


    static func describe(_ officer: Officer) -> String {
        [officer.role.rawValue, officer.thanaCode ?? officer.districtCode ?? "all", officer.name].joined(separator: " ")
    }

    static func describe(_ thana: Thana) -> String {
        "\(thana.code) \(thana.districtCode) \(thana.name) chat \(thana.chatID.map(String.init) ?? "none")"
    }

    /// Appends one line to the audit log, which refuses updates and deletes.
    static func audit(_ db: Database, _ entry: AuditEntry) throws {
        try db.executeCached(
            sql: """
                INSERT INTO audit_log (at, actor_id, actor, role, action, ref, before, after, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.at.unixSeconds, entry.actorID, entry.actor, entry.role, entry.action, entry.ref, entry.before,
                entry.after, entry.detail,
            ])
    }
}

/// Checks on values typed by an operator, so a typo is refused before it is stored.
enum Validate {
    static func code(_ code: String, what: String) throws(StoreError) {
        let allowed = code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard !code.isEmpty, code.count <= 32, allowed, code.first != "-", code.last != "-" else {
            throw StoreError(
                .invalidArgument, "\(what) \"\(code)\" must be 1–32 capital letters, digits and dashes, like KHG-SADAR")
        }
    }

    static func name(_ name: String) throws(StoreError) {
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(.invalidArgument, "name must not be empty")
        }
    }
}
