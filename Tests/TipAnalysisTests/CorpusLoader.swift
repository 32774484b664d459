import Foundation
@testable import TipAnalysis

/// Reads the labelled corpus copied into the test bundle (`Corpus/train`, `Corpus/test`), files in name order.
enum CorpusLoader {
    static func messages(_ split: String) throws -> [LabelledMessage] {
        guard let root = Bundle.module.url(forResource: "Corpus", withExtension: nil) else { return [] }
        let dir = root.appendingPathComponent(split)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        var out: [LabelledMessage] = []
        for name in names {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(try JSONDecoder().decode(LabelledMessage.self, from: Data(line.utf8)))
            }
        }
        return out
    }
}
