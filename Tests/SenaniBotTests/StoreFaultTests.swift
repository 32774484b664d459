import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing

/// A full disk, a lock held by another process and odd content: tips wait at Telegram and none is lost.
// One at a time: a dozen running bots at once only starve each other on a 2-core machine.
@Suite(.serialized) struct StoreFaultTests {
    static func tips(_ count: Int, tag: String) -> [String] {
        let villages = ["Rampur", "Sonbarsa", "Parsa", "Kishanpur", "Bairiya", "Mahuli", "Chautham"]
        // Long enough that each report needs a page of its own: a full database refuses every one of them.
        let story = String(repeating: " raat ko gaadi aati hai aur peti utarti hai", count: 100)
        return (0..<count).map {
            "\(villages[$0 % villages.count]) \(tag) tola me Ramesh \($0) ke ghar daru ki bhatti chal rahi hai, \($0 + 3) peti." + story
        }
    }

    /// Reports and group replies, one each per sent tip.
    static func expectEveryTipStoredOnceAndAnswered(_ bot: RunningBot, ids: [Int64]) throws {
        let reports = try bot.reports().filter { $0.chatID == RunningBot.sadar }
        #expect(reports.map(\.messageID).sorted() == ids.sorted())
        let answered = Set(bot.fake.sentMessages(to: RunningBot.sadar).compactMap(\.replyToMessageID))
        #expect(Set(ids).isSubset(of: answered))
    }

    @Test func aFullDiskKeepsTheOffsetAndLosesNothingOnceSpaceIsBack() async throws {
        let bot = try await RunningBot.start()
        // Let start-up finish its own writes, and two tips use up the pages that migrations left free (dropped
        // indexes); then leave no room for anything more.
        try await bot.fake.waitForRequests("getUpdates")
        var fillers: [Int64] = []
        for text in Self.tips(2, tag: "before") {
            fillers.append(bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: text))
        }
        try await waitUntil("the first two stored") { try bot.reports().count == 2 }
        try await bot.fake.waitUntilConsumed()
        let pages = try bot.store.pageCount()
        try await bot.store.limitSize(pages: pages)
        let confirmedBefore = bot.fake.confirmedOffset
        var ids: [Int64] = []
        for text in Self.tips(7, tag: "full") {
            ids.append(bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: text))
        }
        try await waitUntil("the full disk to be reported") { bot.logs.contains("database full") }
        #expect(try bot.reports().count == 2)
        // Telegram was never told the tips were taken: they are still waiting there.
        #expect(bot.fake.confirmedOffset == confirmedBefore)
        #expect(bot.logs.all.filter { $0.contains("database full") }.count == 1)

        try await bot.store.limitSize(pages: nil)
        try await waitUntil("all 7 stored", timeout: .seconds(20)) { try bot.reports().count == 9 }
        try await waitUntil("all answered", timeout: .seconds(20)) { try bot.store.outboxCounts().pending == 0 }
        try await bot.stop()
        try Self.expectEveryTipStoredOnceAndAnswered(bot, ids: fillers + ids)
        #expect(bot.logs.contains("intake resumes"))
    }

    @Test func aLockHeldByAnotherProcessIsWaitedOut() async throws {
        let bot = try await RunningBot.start()
        try await bot.fake.waitForRequests("getUpdates")
        let lock = try WriteLockHolder(path: bot.directory.file("senani.sqlite"))
        var ids: [Int64] = []
        for text in Self.tips(5, tag: "lock") {
            ids.append(bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: text))
        }
        try await waitUntil("the lock to be reported", timeout: .seconds(20)) { bot.logs.contains("database locked") }
        #expect(try bot.reports().isEmpty)
        try lock.release()
        try await waitUntil("all 5 stored", timeout: .seconds(20)) { try bot.reports().count == 5 }
        try await waitUntil("all answered", timeout: .seconds(20)) { try bot.store.outboxCounts().pending == 0 }
        try await bot.stop()
        try Self.expectEveryTipStoredOnceAndAnswered(bot, ids: ids)
    }

    @Test func aVeryLongTipIsStoredCutNeverSkipped() async throws {
        let bot = try await RunningBot.start()
        let text = "Rampur tola me daru ki bhatti chal rahi hai. " + String(repeating: "bahut lamba sandesh ", count: 35_000)
        let id = bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: text)
        let report = try await bot.waitForReport(chat: RunningBot.sadar, message: id)
        try await bot.stop()
        #expect(report.text.count < 21_000)
        #expect(report.text.contains("characters cut"))
    }

    /// A property: whatever transient faults come and go while tips arrive, every tip ends up stored exactly once
    /// and answered.
    @Test(arguments: [1, 2, 3, 4])
    func transientFaultsInAnyOrderLoseAndDuplicateNothing(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let bot = try await RunningBot.start()
        try await bot.fake.waitForRequests("getUpdates")
        let database = bot.directory.file("senani.sqlite")
        var ids: [Int64] = []
        for (index, text) in Self.tips(24, tag: "seed\(seed)").enumerated() {
            ids.append(bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: FakeUser(id: 9000 + Int64(index), firstName: "I"), text: text))
            switch random.next() % 4 {
            case 0:
                try await bot.store.limitSize(pages: try bot.store.pageCount())
                try await Task.sleep(for: .milliseconds(Int(random.next() % 150)))
                try await bot.store.limitSize(pages: nil)
            case 1:
                let lock = try WriteLockHolder(path: database)
                try await Task.sleep(for: .milliseconds(Int(random.next() % 150)))
                try lock.release()
            default:
                break
            }
        }
        try await waitUntil("all 24 stored", timeout: .seconds(40)) { try bot.reports().count == 24 }
        try await waitUntil("all answered", timeout: .seconds(40)) { try bot.store.outboxCounts().pending == 0 }
        try await bot.stop()
        try Self.expectEveryTipStoredOnceAndAnswered(bot, ids: ids)
    }
}

/// A small deterministic generator, so a failing seed can be run again.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
