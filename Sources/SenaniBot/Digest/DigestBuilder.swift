import DigestChart
import Foundation
import Logging
import SenaniStore

/// Renders a digest from its facts with the templates, draws its charts, and makes the outbox rows that carry it:
/// the text in numbered parts, then one PNG per chart. Used by the scheduler, `/digest` and `senani digest`.
public struct DigestBuilder: Sendable {
    let templates: MessageTemplates
    let logger: Logger

    public init(templates: MessageTemplates, logger: Logger) {
        self.templates = templates
        self.logger = logger
    }

    /// The digest's HTML text (whole, before splitting); nil when its template is missing.
    public func text(_ facts: DigestFacts, late: Bool = false) -> String? {
        let summary = DigestSummary(facts)
        return templates.render(
            "digest_\(facts.district.digestLanguage.rawValue)",
            context: DigestComposer.context(facts, summary: summary, late: late))
    }

    /// Where a scheduled digest goes: the district's digest chat, else its SPs privately.
    public static func recipients(_ facts: DigestFacts) -> [Int64] {
        if let chat = facts.district.digestChatID { return [chat] }
        return facts.sps.filter { $0.reachable != false }.map(\.telegramID)
    }

    /// The outbox rows of the digest for each of `chats`: text parts, then the charts. A chart that cannot be
    /// drawn is logged and left out; the text still goes.
    public func messages(_ facts: DigestFacts, late: Bool = false, to chats: [Int64]) async -> [OutboxDraft] {
        guard let text = text(facts, late: late) else {
            logger.error("the digest template is missing", metadata: ["district": "\(facts.district.code)"])
            return []
        }
        let parts = DigestComposer.parts(text)
        let charts = await charts(facts, late: late)
        return chats.flatMap { chat -> [OutboxDraft] in
            parts.map { OutboxDraft(chatID: chat, template: "digest_part", parameters: ["text": $0]) }
                + charts.enumerated().map { index, chart in
                    OutboxDraft(
                        chatID: chat, template: "digest_part", parameters: ["text": chart.caption],
                        kind: .pngUpload(fileName: "digest-\(facts.district.code)-\(facts.day)-\(index + 1).png"),
                        upload: chart.png)
                }
        }
    }

    /// The digest's charts as PNG bytes with their captions; empty (and logged) when drawing fails.
    public func charts(_ facts: DigestFacts, late: Bool = false) async -> [(png: Data, caption: String)] {
        let language: DigestChartLanguage = facts.district.digestLanguage == .english ? .english : .hindi
        let context = DigestComposer.context(facts, summary: DigestSummary(facts), late: late)
        guard
            let lines = templates.render("digest_chart_\(facts.district.digestLanguage.rawValue)", context: context),
            let words = DigestComposer.ChartWords(lines: DigestComposer.plainText(lines), language: language)
        else {
            logger.error("the digest chart's words are missing from its template", metadata: ["district": "\(facts.district.code)"])
            return []
        }
        let data = DigestComposer.chartData(facts, summary: DigestSummary(facts), words: words)
        // cairo and pango are blocking C work: they run on a thread of their own, not on the cooperative pool.
        let rendered: Result<[Data], DigestChartError> = await OwnThread.run {
            var pngs: [Data] = []
            for chart in data {
                do throws(DigestChartError) {
                    pngs.append(Data(try DigestChart.renderPNG(chart)))
                } catch {
                    return .failure(error)
                }
            }
            return .success(pngs)
        }
        switch rendered {
        case .success(let pngs):
            return pngs.enumerated().map { index, png in
                let caption = words.title + " · " + words.subtitle + (pngs.count > 1 ? " (\(index + 1)/\(pngs.count))" : "")
                return (png, escape(caption))
            }
        case .failure(let error):
            logger.error(
                "the digest chart could not be drawn; the text digest goes without it",
                metadata: ["district": "\(facts.district.code)", "error": "\(error)"])
            return []
        }
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Runs blocking work on a thread of its own and resumes the caller when it is done.
enum OwnThread {
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }
}
