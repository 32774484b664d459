import Foundation
import SenaniStore
import SenaniTestSupport
import TipAnalysis

/// A migrated store in a temp folder with district KHG and thanas KHG-SADAR (group -1001) and KHG-MUFASSIL (-1002).
struct StoreFixture {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(path: directory.file("senani.sqlite"))
        try store.upsertDistrict(District(code: "KHG", name: "Khagaria"), at: epoch)
        try store.upsertThana(Thana(code: "KHG-SADAR", districtCode: "KHG", name: "Sadar", chatID: -1001), at: epoch)
        try store.upsertThana(Thana(code: "KHG-MUFASSIL", districtCode: "KHG", name: "Mufassil", chatID: -1002), at: epoch)
    }
}

let epoch = Date(timeIntervalSince1970: 1_795_000_000)

func analysis(category: TipCategory = .liquor, bits: UInt64 = 0x1234_5678_9abc_def0, words: Int = 12) -> TipAnalysis {
    TipAnalysis(
        isTip: category != .none, category: category, labels: category == .none ? [] : [category], confidence: 0.9,
        evidence: ["daru"], phones: ["+919876543210"], vehicles: ["BR34AB1234"], places: ["Rampur"], language: .hinglish,
        fingerprint: Fingerprint(bits: bits, wordCount: words))
}

func tip(
    thana: String = "KHG-SADAR", chat: Int64 = -1001, message: Int64, user: Int64 = 555, text: String = "daru bik rahi hai",
    at: Date = epoch, analysis: TipAnalysis = analysis()
) -> NewReport {
    NewReport(
        thanaCode: thana, chatID: chat, messageID: message, reporterUserID: user, text: text, receivedAt: at,
        analysis: analysis)
}

func ack(chat: Int64 = -1001, message: Int64) -> OutboxDraft {
    OutboxDraft(chatID: chat, template: "group_ack", replyToMessageID: message)
}

/// Replies that get the stored report's ref (and the first telling's, for a repeat), as the bot's follow-ups do.
func replies(_ drafts: [OutboxDraft]) -> TipFollowUp {
    { tip in
        drafts.map { draft in
            var draft = draft
            draft.parameters["ref"] = tip.report.ref
            if let original = tip.original { draft.parameters["duplicate_of"] = original.ref }
            return draft
        }
    }
}
