import ArgumentParser
import Foundation
import SenaniBot
import SenaniStore

struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus", abstract: "Officers' corrections as training data.", subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Officers' corrections as labelled JSON lines in the corpus format (for senani-train --extra).")

        @OptionGroup var store: StoreOptions
        @Option(help: "From this time: an IST date YYYY-MM-DD or an ISO-8601 timestamp.") var since: String?

        func run() async throws {
            let from = try since.map { try ISTDate.parse($0, flag: "--since") }
            let opened = try store.open()
            let corrections: [Correction]
            do { corrections = try opened.corrections(since: from) } catch { throw error.cliError }
            var out = ""
            for correction in corrections { out += CorpusFormat.line(correction) + "\n" }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
