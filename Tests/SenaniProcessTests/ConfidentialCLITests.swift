import Foundation
import SenaniStore
import SenaniTestSupport
import Testing

/// The CLI side of issue 10: `--delete-tips`, the install key file, and what `backup` says about it.
@Suite struct ConfidentialCLITests {
    @Test func deleteTipsIsSetAndABadValueChangesNothing() async throws {
        let cli = try CLI()
        try await cli.seed()
        let on = try await cli.run([
            "thana", "add", "--code", "KHG-SADAR", "--district", "KHG", "--name", "Sadar", "--delete-tips", "on",
        ])
        #expect(on.status == 0 && on.stdout.contains("admin"))
        #expect(try Store(path: cli.database).thanas().first { $0.code == "KHG-SADAR" }?.deleteTips == true)
        let bad = try await cli.run([
            "thana", "add", "--code", "KHG-SADAR", "--district", "KHG", "--name", "Other", "--delete-tips", "maybe",
        ])
        #expect(bad.status == 2 && bad.stderr.contains("--delete-tips"))
        let thana = try #require(try Store(path: cli.database).thanas().first { $0.code == "KHG-SADAR" })
        #expect(thana.name == "Sadar" && thana.deleteTips)
    }

    @Test func theKeyFileIsMadeBesideTheDatabaseOrWhereSENANIKEYFILESaysAndBackupSaysToKeepItApart() async throws {
        let cli = try CLI()
        let first = try await cli.run(["migrate"])
        #expect(first.status == 0 && first.stderr.contains("senani.key"))
        #expect(FileManager.default.fileExists(atPath: cli.directory.file("senani.key")))
        let copy = cli.directory.file("copy.sqlite")
        let backup = try await cli.run(["backup", "--to", copy])
        #expect(backup.status == 0 && backup.stdout.contains(cli.directory.file("senani.key")) && backup.stdout.contains("apart"))
        // The copy holds no key, and opening it makes none.
        let text = try Data(contentsOf: URL(fileURLWithPath: copy))
        let key = try String(contentsOfFile: cli.directory.file("senani.key"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.range(of: Data(key.utf8)) == nil)

        let elsewhere = try CLI()
        let keyFile = elsewhere.directory.file("keys-senani.key")
        let made = try await elsewhere.run(["migrate"], environment: ["SENANI_KEY_FILE": keyFile])
        #expect(made.status == 0)
        #expect(FileManager.default.fileExists(atPath: keyFile))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.directory.file("senani.key")))
    }
}
