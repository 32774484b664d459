import ArgumentParser
import Foundation
import Logging
import SenaniBot
import SenaniStore

/// `--db`, which every command takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database (env SENANI_DB; default senani.sqlite in the working directory).")
    var db: String?

    @Option(
        name: .customLong("key-file"),
        help: "Install key file (env SENANI_KEY_FILE; else $CREDENTIALS_DIRECTORY/senani.key from systemd; else beside the database).")
    var keyFile: String?

    var path: String {
        Settings.value(flag: db, environment: "SENANI_DB") ?? "senani.sqlite"
    }

    /// The install key: flag, environment, systemd's LoadCredential=, or the file beside the database.
    var keyPath: String {
        if let explicit = Settings.value(flag: keyFile, environment: "SENANI_KEY_FILE") { return explicit }
        if let credentials = Settings.value(flag: nil, environment: "CREDENTIALS_DIRECTORY") {
            let path = URL(fileURLWithPath: credentials).appendingPathComponent("senani.key").path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return InstallKey.defaultPath(forDatabase: path)
    }

    /// Opens and migrates the database, turning failure into a one-line runtime error.
    func open() throws -> Store {
        let store: Store
        do {
            store = try Store(path: path, keyFile: keyPath)
        } catch {
            throw CLIError.runtime(error.message)
        }
        if store.key.created {
            FileHandle.standardError.write(
                Data("senani: created the install key \(store.key.path); keep it apart from database backups\n".utf8))
        }
        return store
    }
}

/// Flags win over environment variables, which win over defaults.
enum Settings {
    static func value(flag: String?, environment name: String) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let value = ProcessInfo.processInfo.environment[name], !value.isEmpty { return value }
        return nil
    }

    static func logLevel(_ flag: String?) throws -> Logger.Level {
        let text = value(flag: flag, environment: "SENANI_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: text.lowercased()), level != .critical else {
            throw CLIError.usage("log level must be trace, debug, info, notice, warning or error, not \"\(text)\"")
        }
        return level
    }

    /// The SLA per category: `--sla`, else `SENANI_SLA`, else the defaults; a bad value is a usage error.
    static func sla(_ flag: String?) throws -> SLA {
        guard let text = value(flag: flag, environment: "SENANI_SLA") else { return .standard }
        do {
            return try SLA.parse(text)
        } catch {
            throw CLIError.usage("--sla / SENANI_SLA: \(error.message)")
        }
    }

    /// A logger to stderr that never prints any of `secrets`.
    static func logger(level: Logger.Level, secrets: [String] = []) -> Logger {
        var logger = Logger(label: "senani") { label in
            RedactingLogHandler(wrapping: StreamLogHandler.standardError(label: label), redacting: secrets)
        }
        logger.logLevel = level
        return logger
    }
}

/// Accepts `-1001234567890` as a value, which the parser would otherwise read as an option.
extension Int64 {
    static func chatID(_ text: String) throws -> Int64 {
        guard let value = Int64(text.trimmingCharacters(in: .whitespaces)) else {
            throw CLIError.usage("chat id must be a whole number like -1001234567890, not \"\(text)\"")
        }
        return value
    }
}

extension StoreError {
    /// The arguments parsed, but the store refused them (an unknown district, a group bound elsewhere) or SQLite
    /// failed: a runtime error, exit 1, with nothing written.
    var cliError: CLIError { .runtime(message) }
}
