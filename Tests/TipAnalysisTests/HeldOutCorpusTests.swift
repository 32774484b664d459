import Foundation
import SenaniTestSupport
import Testing
@testable import TipAnalysis

/// The acceptance bar, on the held-out `Corpus/test` only (never trained on). Definitions are in `EvaluationReport`:
/// category macro-F1 counts a missed tip as a wrong category (a false negative of its gold category).
@Suite struct HeldOutCorpusTests {
    @Test func heldOutMetricsMeetTheBar() async throws {
        let messages = try CorpusLoader.messages("test")
        #expect(messages.count >= 100)
        let report = try await offThePool { EvaluationReport(messages) }
        print(report.table(Self.bars).joined(separator: "\n"))
        for line in report.mistakes.prefix(40) { print("  miss: " + line) }
        #expect(report.missed(Self.bars).isEmpty, "missed: \(report.missed(Self.bars))")
    }

    /// The old part's bars: the three-decision bars, and tip F1 and language as before.
    static let bars: EvaluationReport.Bars = {
        var b = EvaluationReport.Bars()
        b.categoryMacroF1 = 0.92
        b.tipF1 = 0.95
        b.languageAccuracy = 0.95
        return b
    }()

    /// The committed weights are exactly what training on `Corpus/train` gives, so they never drift from the corpus.
    @Test func retrainingReproducesTheCommittedWeights() async throws {
        let examples = try CorpusLoader.messages("train").map(\.trainingExample)
        let generated = try await offThePool { ModelTrainer.generatedSource(examples) }
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TipAnalysis/ModelWeights.generated.swift")
        let committed = try String(contentsOf: path, encoding: .utf8)
        #expect(generated == committed, "run `swift run senani-train` and commit the result")
    }

    @Test func corpusLabelsAreConsistent() throws {
        for m in try CorpusLoader.messages("train") + CorpusLoader.messages("test") {
            if m.isTip {
                #expect(m.category != .none && m.labels.contains(m.category), "\(m.id)")
            } else {
                #expect(m.category == .none && m.labels.isEmpty, "\(m.id)")
            }
        }
    }
}
