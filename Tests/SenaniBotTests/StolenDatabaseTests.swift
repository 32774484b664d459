import Foundation
import GRDB
import SenaniBot
import SenaniTestSupport
import TelegramBotAPI
import Testing

@testable import SenaniStore

/// Point 5 of issue 10: a copy of the database (or a backup) without the key file names no informant.
extension ConfidentialSuites {
    @Suite struct StolenDatabaseTests {
        @Test func noColumnHoldsAnInformantsIdNameOrUsernameAndACopyWithoutTheKeyCannotBeTurnedBack() async throws {
            let bot = try await RunningBot.start()
            let me = RunningBot.whistleblower
            let grouped = FakeUser(id: 5_550_777_111, firstName: "Bhola", username: "bhola_gaon_wala")
            let informants = [me, grouped]
            // A group tip, a private tip, and an /ask round trip on each.
            // Greetings, help and a stray command: every private reply to a citizen is sealed too.
            try await bot.privately("/start")
            try await bot.privately("/help", from: grouped)
            try await bot.privately("/pending", from: grouped)
            let (groupReport, _) = try await bot.tip("Sonbarsa chowk par daru ki bhatti chal rahi hai", from: grouped)
            try await bot.privately("/thana सदर")
            try await bot.privately("Parsa gaon me 20 peti sharab utari ja rahi hai, truck BR34AB1234")
            let privateReport = try #require(try bot.reports().first { $0.source == "private" })
            try await bot.command("/ask \(privateReport.ref) kab aayi?", by: RunningBot.shoSadar)
            try await bot.privately("kal raat 2 baje")
            try await bot.command("/ask \(groupReport.ref) kaun bech raha hai?", by: RunningBot.shoSadar)
            let question = try bot.message(to: RunningBot.sadar, containing: "kaun bech raha hai?")
            bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: grouped, text: "pata nahi", replyTo: question.messageID)
            try await bot.settle()
            try await bot.stop()
            #expect(try bot.store.audit(ref: privateReport.ref).contains { $0.detail == "kal raat 2 baje" })
            #expect(try bot.store.audit(ref: groupReport.ref).contains { $0.detail == "pata nahi" })

            let database = bot.directory.file("senani.sqlite")
            let values = try Self.everyValue(in: database)
            #expect(values.count > 100)
            for user in informants {
                let id = user.id
                let big = withUnsafeBytes(of: id.bigEndian) { Data($0) }
                let little = withUnsafeBytes(of: id.littleEndian) { Data($0) }
                for (place, value) in values {
                    switch value.storage {
                    case .int64(let number): #expect(number != id, "\(place) holds the id")
                    case .string(let text):
                        for secret in [String(id), user.firstName, user.username ?? "-"] {
                            #expect(!text.contains(secret), "\(place) holds \(secret)")
                        }
                    case .blob(let data):
                        #expect(data.range(of: big) == nil && data.range(of: little) == nil, "\(place) holds the id")
                        #expect(data.range(of: Data(String(id).utf8)) == nil, "\(place) holds the id")
                    default: break
                    }
                }
            }

            // A copy without the key file: nothing in it turns an id back into a pseudonym or opens a sealed chat.
            let copyDirectory = try TemporaryDirectory("senani-stolen")
            let copy = copyDirectory.file("stolen.sqlite")
            try bot.store.backup(to: copy)
            let keyFile = bot.directory.file("senani.key")
            #expect(FileManager.default.fileExists(atPath: keyFile))
            let stored = Set(
                values.compactMap { place, value -> String? in
                    guard place.hasSuffix(".reporter") || place.hasSuffix(".reporter_key") || place.hasPrefix("informants.key")
                    else { return nil }
                    return String.fromDatabaseValue(value)
                })
            #expect(stored.contains(groupReport.reporter) && stored.contains(privateReport.reporter))
            let candidateKeys = try Self.everyValue(in: copy).compactMap { _, value -> [UInt8]? in
                if let text = String.fromDatabaseValue(value) { return Array(text.utf8) }
                if let data = Data.fromDatabaseValue(value) { return Array(data) }
                return nil
            } + [[]]
            let stolen = try Store(path: copy)
            #expect(!stolen.keyMatchesDatabase)
            #expect(!FileManager.default.fileExists(atPath: copyDirectory.file("stolen.key")))
            for user in informants {
                #expect(!stored.contains(stolen.pseudonym(forUser: user.id)))
                #expect(!stored.contains(stolen.reporterKey(forUser: user.id)))
                // The old way (a secret inside the database) would be found here.
                for key in candidateKeys {
                    let mac = SHA256.hmac(key: key, message: Array("user:\(user.id)".utf8)).hexString
                    #expect(!stored.contains(mac) && !stored.contains("R-" + mac.prefix(10)) && !stored.contains("R-" + mac.prefix(6)))
                }
            }
            for (_, value) in try Self.everyValue(in: copy) {
                guard let sealed = Data.fromDatabaseValue(value) else { continue }
                #expect(SealingFunctions(key: stolen.key.key).unseal(Array(sealed)) == nil)
            }
            // With its key file the same copy does name them: the test above would have seen a leak.
            let owner = try Store(path: copy, keyFile: keyFile)
            #expect(owner.keyMatchesDatabase)
            #expect(stored.contains(owner.pseudonym(forUser: me.id)) && stored.contains(owner.pseudonym(forUser: grouped.id)))
        }

        @Test func theKeyFileIsCreatedOnceWithMode0600AndTheOldSecretLeavesTheDatabase() throws {
            let directory = try TemporaryDirectory("senani-key")
            let path = directory.file("senani.sqlite")
            let store = try Store(path: path)
            #expect(store.key.created && store.key.path == directory.file("senani.key"))
            let mode = try FileManager.default.attributesOfItem(atPath: store.key.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let again = try Store(path: path)
            #expect(!again.key.created && again.keyMatchesDatabase)
            #expect(again.pseudonym(forUser: 42) == store.pseudonym(forUser: 42))
            #expect(again.pseudonym(forUser: 42).wholeMatch(of: /R-[0-9a-f]{10}/) != nil)
            let settings = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT key FROM settings") }
            #expect(settings == ["key_check"])
            // Another key for the same database: it opens for reading but is known not to match.
            let other = directory.file("other.key")
            try String(repeating: "ab", count: 32).write(toFile: other, atomically: true, encoding: .utf8)
            #expect(try !Store(path: path, keyFile: other).keyMatchesDatabase)
        }

        @Test func sealingRoundTripsAndRefusesAnotherKeyOrATamperedBlob() {
            let sealing = SealingFunctions(key: .random())
            let sealed = sealing.seal(5_550_123_987)
            #expect(sealing.unseal(sealed) == 5_550_123_987)
            #expect(sealing.seal(5_550_123_987) != sealed)
            #expect(SealingFunctions(key: .random()).unseal(sealed) == nil)
            var tampered = sealed
            tampered[14] ^= 1
            #expect(sealing.unseal(tampered) == nil)
            #expect(SealingFunctions.isToken(sealing.token(5_550_123_987)))
            #expect(sealing.token(5_550_123_987) == sealing.token(5_550_123_987))
        }

        /// Every value of every column of every table, as `table.column`.
        static func everyValue(in path: String) throws -> [(String, DatabaseValue)] {
            var configuration = Configuration()
            configuration.readonly = true
            return try DatabaseQueue(path: path, configuration: configuration).read { db in
                var values: [(String, DatabaseValue)] = []
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                for table in tables {
                    for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                        for (column, value) in row { values.append(("\(table).\(column)", value)) }
                    }
                }
                return values
            }
        }
    }
}

extension ConfidentialSuites.StolenDatabaseTests {
    @Test func theBotRefusesToRunWithAKeyTheDatabaseWasNotUsedWith() async throws {
        let directory = try TemporaryDirectory("senani-wrong-key")
        let database = directory.file("senani.sqlite")
        _ = try Store(path: database)
        let wrong = directory.file("wrong.key")
        try String(repeating: "cd", count: 32).write(toFile: wrong, atomically: true, encoding: .utf8)
        var configuration = SenaniConfiguration(
            databasePath: database, token: "123456:ABCDEFGHIJ", apiURL: "http://127.0.0.1:9",
            templatesDirectory: MessageTemplates.locate(explicit: nil))
        for keyFile in [wrong, directory.file("missing.key")] {
            configuration.keyFile = keyFile
            await #expect(throws: KeyMismatch.self) {
                _ = try await SenaniApplication.build(
                    configuration: configuration, transport: CurlTransport(), logger: RecordingLogHandler.Recorder().logger(level: .info),
                    gracefulShutdownSignals: [])
            }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("missing.key")))
    }
}
