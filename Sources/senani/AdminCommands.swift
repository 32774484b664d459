import ArgumentParser
import Foundation
import SenaniBot
import SenaniStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or upgrade the database (every command also does this on open).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let opened = try store.open()
        let applied = (try? opened.appliedMigrations()) ?? []
        print("database \(store.path) is at schema \(applied.last ?? "none") (\(applied.count) migrations)")
    }
}

struct DistrictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "district", abstract: "Manage districts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or update a district.")

        @OptionGroup var store: StoreOptions
        @Option(help: "District code, e.g. KHG.") var code: String
        @Option(help: "District name.") var name: String
        @Option(name: .customLong("digest-chat-id"), parsing: .unconditional, help: "Chat the daily digest goes to.")
        var digestChatID: String?
        @Option(name: .customLong("digest-hour"), help: "Hour of the IST day for the digest (0–23).")
        var digestHour: Int = 8
        @Option(name: .customLong("digest-language"), help: "hi or en: the digest's language (default hi; kept when left out).")
        var digestLanguage: String?

        func run() async throws {
            let chat = try digestChatID.map(Int64.chatID)
            guard (0...23).contains(digestHour) else { throw CLIError.usage("--digest-hour must be 0–23, not \(digestHour)") }
            let language = try digestLanguage.map { text -> DigestLanguage in
                guard let language = DigestLanguage(rawValue: text.lowercased()) else {
                    throw CLIError.usage("--digest-language must be hi or en, not \"\(text)\"")
                }
                return language
            }
            let opened = try store.open()
            do {
                let kept = try opened.districts().first { $0.code == code }?.digestLanguage
                try opened.upsertDistrict(
                    District(
                        code: code, name: name, digestChatID: chat, digestHour: digestHour,
                        digestLanguage: language ?? kept ?? .hindi), at: Date())
            } catch { throw error.cliError }
            print("district \(code) saved")
        }
    }
}

struct ThanaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thana", abstract: "Manage police stations and their groups.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or update a thana; --chat-id binds its group.")

        @OptionGroup var store: StoreOptions
        @Option(help: "Thana code, e.g. KHG-SADAR.") var code: String
        @Option(help: "Code of its district.") var district: String
        @Option(help: "Thana name.") var name: String
        @Option(name: .customLong("chat-id"), parsing: .unconditional, help: "The Cyber Senani group's chat id (negative).")
        var chatID: String?
        @Option(
            name: .customLong("delete-tips"),
            help: "on: delete each queued tip from the group (the bot must be a group admin); off: keep them.")
        var deleteTips: String?

        func run() async throws {
            let chat = try chatID.map(Int64.chatID)
            let delete: Bool? = try deleteTips.map {
                switch $0.lowercased() {
                case "on": return true
                case "off": return false
                default: throw CLIError.usage("--delete-tips must be on or off, not \"\($0)\"")
                }
            }
            let opened = try store.open()
            do {
                try opened.upsertThana(Thana(code: code, districtCode: district, name: name, chatID: chat), at: Date())
                if let delete { try opened.setDeleteTips(thana: code, on: delete, at: Date()) }
            } catch { throw error.cliError }
            print(
                "thana \(code) saved" + (chat.map { ", bound to group \($0)" } ?? "")
                    + (delete == true ? "; tips will be deleted from the group (make the bot an admin there)" : ""))
        }
    }
}

struct OfficerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer", abstract: "Register, list and revoke officers.", subcommands: [Add.self, Remove.self, List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Officers, their scope, and whether the bot can message them (pressed Start).")

        @OptionGroup var store: StoreOptions
        @Option(help: "table or json.") var format: String = "table"

        func run() async throws {
            guard ["table", "json"].contains(format) else {
                throw CLIError.usage("--format must be table or json, not \"\(format)\"")
            }
            let officers: [Officer]
            do { officers = try store.open().officers() } catch let error as StoreError { throw error.cliError }
            print(format == "json" ? OfficerFormats.json(officers) : OfficerFormats.table(officers))
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an officer (SHO, SP or admin).")

        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("telegram-id"), help: "The officer's Telegram user id.") var telegramID: Int64
        @Option(help: "sho, sp or admin.") var role: String
        @Option(help: "Thana code (SHO).") var thana: String?
        @Option(help: "District code (SP).") var district: String?
        @Option(help: "The officer's name.") var name: String

        func run() async throws {
            guard let role = OfficerRole(rawValue: role.lowercased()) else {
                throw CLIError.usage("--role must be sho, sp or admin, not \"\(role)\"")
            }
            let opened = try store.open()
            do {
                try opened.upsertOfficer(
                    Officer(telegramID: telegramID, role: role, thanaCode: thana, districtCode: district, name: name),
                    at: Date())
            } catch { throw error.cliError }
            print("officer \(telegramID) saved as \(role.rawValue)")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an officer.")

        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("telegram-id"), help: "The officer's Telegram user id.") var telegramID: Int64

        func run() async throws {
            let opened = try store.open()
            do { try opened.removeOfficer(telegramID: telegramID, at: Date()) } catch { throw error.cliError }
            print("officer \(telegramID) removed")
        }
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent copy of the database, safe while the bot runs.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The new file to write.") var to: String

    func run() async throws {
        let opened = try store.open()
        do { try opened.backup(to: to) } catch { throw error.cliError }
        print("backed up \(store.path) to \(to) (integrity check ok)")
        print(
            "the install key is \(opened.key.path) and is NOT in the copy: keep it apart from the backups "
                + "(a backup with its key names informants; without it, it cannot); restoring needs both")
    }
}
