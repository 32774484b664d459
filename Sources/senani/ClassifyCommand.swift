import ArgumentParser
import Foundation
import TipAnalysis

struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Analyse TEXT, or JSON lines {\"text\": \"...\"} from stdin; one JSON analysis per input.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The message to analyse. Without it, read JSON lines from stdin.") var text: String?

    func run() async throws {
        let analyzer = TipAnalyzer()
        let encoder = JSONEncoder()
        // Sorted: the same analysis prints the same bytes in every run, so outputs can be compared.
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        func emit(_ text: String) throws {
            let data = try encoder.encode(analyzer.analyze(text))
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        if let text {
            try emit(text)
            return
        }
        struct Input: Decodable { var text: String }
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let input = try? JSONDecoder().decode(Input.self, from: Data(line.utf8)) else {
                throw CLIError.usage("stdin line \(lineNumber) is not a JSON object with a \"text\" string")
            }
            try emit(input.text)
        }
    }
}
