import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing
import TipAnalysis

/// The SHO acts on tips with a tap or a command; the policy refuses everyone else; the tipster hears the status.
// One at a time: a dozen running bots at once only starve each other on a 2-core machine.
@Suite(.serialized) struct OfficerFlowTests {
    @Test func theSHOIsNotifiedWithEverythingAnOfficerNeedsAndAcknowledgesWithOneTap() async throws {
        let bot = try await RunningBot.start()
        let (report, notice) = try await bot.tip()
        #expect(notice.text.contains(report.ref) && notice.text.contains("Sadar"))
        #expect(notice.text.contains("+919876543210") && notice.text.contains(report.reporter))
        #expect(notice.text.contains("IST"))
        #expect(notice.callbackData.count == 3)
        #expect(notice.callbackData.allSatisfy { $0.utf8.count <= 64 })

        let toast = try await bot.tap(try bot.data("a", under: notice), on: notice, by: RunningBot.shoSadar)
        #expect(toast.contains(report.ref))
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "the notice edited") { fake in
            fake.botMessage(chatID: 11, messageID: notice.messageID)?.text.contains("R. Kumar") == true
        }
        try await bot.stop()
        let acknowledged = try bot.report(report.ref)
        #expect(acknowledged.status == .acknowledged)
        #expect(acknowledged.acknowledgedBy == "R. Kumar")
        // The edited notice offers Close and Details, no longer Acknowledge.
        let buttons = bot.fake.botMessage(chatID: 11, messageID: notice.messageID)?.callbackData ?? []
        #expect(buttons.map { $0.prefix(2) } == ["c|", "d|"])
        let audit = try bot.store.audit(ref: report.ref)
        #expect(audit.contains { $0.action == "acknowledge" && $0.before == "new" && $0.after == "acknowledged" && $0.actorID == 11 })
    }

    @Test func acknowledgeAndCloseByCommandTellTheTipsterWithoutTheOfficersWords() async throws {
        let bot = try await RunningBot.start()
        let (report, _) = try await bot.tip()
        try await bot.command("/ack \(report.ref)", by: RunningBot.shoSadar)
        #expect(try bot.report(report.ref).status == .acknowledged)
        try await bot.command("/close \(report.ref) no_substance checked the house twice, nothing found", by: RunningBot.shoSadar)
        try await bot.stop()
        let closed = try bot.report(report.ref)
        #expect(closed.status == .closed && closed.outcome == .noSubstance)
        #expect(closed.resolution == "checked the house twice, nothing found")

        let toTipster = bot.fake.sentMessages(to: RunningBot.sadar).filter { $0.replyToMessageID == report.messageID }
        // The group reply at intake, then one on acknowledgement and one on closing.
        #expect(toTipster.count == 3)
        for message in toTipster.dropFirst() {
            #expect(message.text.contains(report.ref))
            #expect(!message.text.contains("R. Kumar") && !message.text.contains("checked") && !message.text.contains("substance"))
            #expect(!message.text.contains("तथ्यहीन"))
        }
        let audit = try bot.store.audit(ref: report.ref)
        #expect(audit.map(\.action) == ["acknowledge", "close"])
        #expect(audit[1].before == "acknowledged" && audit[1].after == "closed: no_substance")
    }

    @Test func aSecondTapAndAStaleButtonAreAnsweredPolitelyAndChangeNothing() async throws {
        let bot = try await RunningBot.start()
        let (report, notice) = try await bot.tip()
        let ack = try bot.data("a", under: notice)
        try await bot.tap(ack, on: notice, by: RunningBot.shoSadar)
        try await waitUntil("acknowledged") { try bot.report(report.ref).status == .acknowledged }
        let once = try bot.report(report.ref)
        let again = try await bot.tap(ack, on: notice, by: RunningBot.shoSadar)
        #expect(again.contains(report.ref))
        #expect(try bot.report(report.ref) == once)

        // A close button from before the report moved on (version 0) is stale once it is closed by command.
        try await bot.command("/close \(report.ref)", by: RunningBot.shoSadar)
        let closed = try bot.report(report.ref)
        let staleOutcome = ack.replacingOccurrences(of: "a|", with: "x2|")
        _ = try await bot.tap(staleOutcome, on: notice, by: RunningBot.shoSadar)
        try await bot.stop()
        #expect(try bot.report(report.ref) == closed)
        #expect(try bot.store.audit(ref: report.ref).map(\.action) == ["acknowledge", "close"])
    }

    @Test func twoOfficersTappingAtOnceCannotBothWin() async throws {
        let bot = try await RunningBot.start()
        let (report, notice) = try await bot.tip()
        let ack = try bot.data("a", under: notice)
        // Both taps in one getUpdates batch: one transaction each, in order.
        bot.fake.pressButton(chatID: notice.chatID, messageID: notice.messageID, from: RunningBot.shoSadar, data: ack)
        bot.fake.pressButton(chatID: notice.chatID, messageID: notice.messageID, from: RunningBot.spKhagaria, data: ack)
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "two answers") { fake in
            fake.requests(for: "answerCallbackQuery").count == 2
        }
        try await bot.stop()
        #expect(try bot.store.audit(ref: report.ref).filter { $0.action == "acknowledge" }.count == 1)
    }

    @Test func everyoneOutsideTheScopeIsRefusedAndTheReportIsUnchangedFieldByField() async throws {
        let bot = try await RunningBot.start()
        let (report, notice) = try await bot.tip()
        let before = try bot.report(report.ref)
        let removed = FakeUser(id: 41, firstName: "Ex Officer")
        try bot.store.upsertOfficer(Officer(telegramID: 41, role: .sho, thanaCode: "KHG-SADAR", name: "Ex"), at: Date())
        try bot.store.removeOfficer(telegramID: 41, at: Date())
        let outsiders = [RunningBot.informant, RunningBot.shoGogri, RunningBot.shoPatna, RunningBot.spPatna, removed]
        for user in outsiders {
            for command in ["/ack \(report.ref)", "/close \(report.ref)", "/transfer \(report.ref) KHG-GOGRI", "/show \(report.ref)"] {
                try await bot.command(command, by: user)
                #expect(bot.lastText(to: user.id).contains("⛔"), "\(user.firstName): \(command) → \(bot.lastText(to: user.id))")
            }
            let toast = try await bot.tap(try bot.data("a", under: notice), on: notice, by: user)
            #expect(toast.contains("⛔"))
        }
        try await bot.stop()
        #expect(try bot.report(report.ref) == before)
        #expect(try bot.store.audit(ref: report.ref).isEmpty)
        // None of them was sent the tip.
        for user in outsiders {
            #expect(!bot.fake.sentMessages(to: user.id).contains { $0.text.contains("Rampur") })
        }
    }

    @Test func forgedButtonsAreRefused() async throws {
        let bot = try await RunningBot.start()
        let (report, notice) = try await bot.tip()
        let (other, _) = try await bot.tip("Sonbarsa chowk pe mahua daru ki bhatti chal rahi hai roz raat", notifying: 11)
        let genuine = try bot.data("a", under: notice)
        let parts = genuine.split(separator: "|").map(String.init)
        let forged = [
            "a|\(other.ref)|0|\(parts[3])",  // another report, same signature
            "x1|\(report.ref)|0|\(parts[3])",  // another action, same signature
            "a|\(report.ref)|0|AAAAAAAAAAA",  // another install's (or no) signature
            "a|\(report.ref)|0",  // no signature
            String(repeating: "a", count: 64),
        ]
        for data in forged {
            let toast = try await bot.tap(data, on: notice, by: RunningBot.shoSadar)
            #expect(toast.contains("मान्य नहीं") || toast.contains("not valid"), "\(data) → \(toast)")
        }
        try await bot.stop()
        #expect(try bot.report(report.ref).status == .new)
        #expect(try bot.report(other.ref).status == .new)
    }

    @Test func anSHOWhoNeverPressedStartIsReachedThroughHisGroupWithoutTheTipAndTheAdminIsToldOnce() async throws {
        let bot = try await RunningBot.start()
        bot.fake.setNeverStarted(userID: 11)
        let first = bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: "Rampur me daru bik rahi hai, bhatti chal rahi hai")
        let report = try await bot.waitForReport(chat: RunningBot.sadar, message: first)
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "the group fallback") { fake in
            fake.sentMessages(to: RunningBot.sadar).contains { $0.text.contains(report.ref) && $0.text.contains("Start") }
        }
        let second = bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: "Parsa me desi sharab ki bhatti chal rahi hai, 50 litre mahua rakha hai")
        let next = try await bot.waitForReport(chat: RunningBot.sadar, message: second)
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "the second fallback") { fake in
            fake.sentMessages(to: RunningBot.sadar).contains { $0.text.contains(next.ref) && $0.text.contains("Start") }
        }
        try await waitUntil("the outbox drained") { try bot.store.outboxCounts().pending == 0 }
        let fallbacks = bot.fake.sentMessages(to: RunningBot.sadar).filter { $0.text.contains("Start") }
        #expect(fallbacks.allSatisfy { !$0.text.contains("daru") && !$0.text.contains("Rampur") && !$0.text.contains("sharab") })
        #expect(bot.fake.sentMessages(to: 31).count == 1)
        #expect(bot.fake.sentMessages(to: 31).first?.text.contains("R. Kumar") == true)
        #expect(try bot.store.officers().first { $0.telegramID == 11 }?.reachable == false)

        // He presses Start: reachable again, his role's command menu for his chat only, and the next tip privately.
        try await bot.command("/start", by: RunningBot.shoSadar)
        #expect(try bot.store.officers().first { $0.telegramID == 11 }?.reachable == true)
        let menu = (bot.fake.commands(for: .chat(chatID: 11)).arrayValue ?? []).compactMap { $0["command"]?.stringValue }
        #expect(menu.contains("ack") && menu.contains("transfer") && !menu.contains("digest"))
        let citizens = (bot.fake.commands(for: .default).arrayValue ?? []).compactMap { $0["command"]?.stringValue }
        #expect(Set(citizens) == ["start", "help", "thana"])
        do {
            _ = try await bot.tip("Bairiya me angrezi sharab ki home delivery ho rahi hai aaj raat")
        } catch {
            print(bot.logs.all.suffix(30).joined(separator: "\n"))
            throw error
        }
        try await bot.stop()
    }

    @Test func aTransferredReportGoesToTheNewSHOAndTheOldOneCanNoLongerAct() async throws {
        let bot = try await RunningBot.start()
        let (report, notice) = try await bot.tip()
        try await bot.command("/transfer \(report.ref) KHG-GOGRI", by: RunningBot.shoSadar)
        let moved = try bot.report(report.ref)
        #expect(moved.thanaCode == "KHG-GOGRI" && moved.transferredFrom == "KHG-SADAR" && moved.ref == report.ref)
        let newNotice = try await bot.waitForNotice(of: report.ref, to: 12)
        #expect(newNotice.text.contains("KHG-SADAR"))
        // The old SHO's copy says where it went and has no buttons left.
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "old notice edited") { fake in
            fake.botMessage(chatID: 11, messageID: notice.messageID)?.callbackData.isEmpty == true
        }
        try await bot.command("/ack \(report.ref)", by: RunningBot.shoSadar)
        #expect(bot.lastText(to: 11).contains("⛔"))
        let toast = try await bot.tap(try bot.data("d", under: newNotice), on: newNotice, by: RunningBot.shoGogri)
        #expect(!toast.contains("⛔"))
        // An SHO cannot move a tip out of his district; the admin can.
        try await bot.command("/transfer \(report.ref) PAT-NAGAR", by: RunningBot.shoGogri)
        #expect(bot.lastText(to: 12).contains("⛔"))
        try await bot.command("/transfer \(report.ref) PAT-NAGAR", by: RunningBot.admin)
        try await bot.stop()
        #expect(try bot.report(report.ref).thanaCode == "PAT-NAGAR")
        let audit = try bot.store.audit(ref: report.ref)
        #expect(audit.map { "\($0.before ?? "") → \($0.after ?? "")" } == ["KHG-SADAR → KHG-GOGRI", "KHG-GOGRI → PAT-NAGAR"])
    }

    @Test func pendingAnswersPrivatelyInPartsUnderTheLimit() async throws {
        let bot = try await RunningBot.start()
        // Sixty distinct open reports, stored directly (distinct fingerprints: none is a repeat of another).
        let analyzer = TipAnalyzer()
        var effects: [IntakeEffect] = []
        for index in 0..<60 {
            // A phone of its own makes each a different tip (a conflicting fact), however alike the words.
            let text = "Rampur tola \(index) me daru bik rahi hai, \(index + 5) peti godown me rakhi hai, phone "
                + "98765\(String(format: "%05d", index)) " + String(repeating: "ghar ke peeche gali me ", count: 3)
            let analysis = analyzer.analyze(text)
            effects.append(
                .newReport(
                    NewReport(
                        thanaCode: "KHG-SADAR", chatID: RunningBot.sadar, messageID: 10_000 + Int64(index),
                        reporterUserID: 8000, text: text, receivedAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(index) * 60),
                        analysis: analysis), followUp: { _ in [] }))
        }
        _ = try await bot.store.commit(IntakeBatch(effects: effects, nextOffset: 1), at: Date())
        try await bot.command("/pending", by: RunningBot.shoSadar, in: RunningBot.sadar)
        try await bot.stop()
        let parts = bot.fake.sentMessages(to: 11).filter { $0.text.contains("•") || $0.text.contains("लंबित") }
        let counts = try bot.store.outboxCounts()
        #expect(parts.count >= 2, "\(bot.fake.sentMessages(to: 11).map(\.text.utf16.count)) \(counts)")
        #expect(parts.allSatisfy { $0.text.utf16.count <= 4096 })
        let listed = parts.map(\.text).joined()
        let refs = try bot.store.reports().map(\.ref)
        #expect(refs.allSatisfy { listed.contains($0) })
        // Oldest first.
        #expect(listed.range(of: refs[0])!.lowerBound < listed.range(of: refs[59])!.lowerBound)
        // In the group, only "sent privately".
        let groupReply = bot.fake.sentMessages(to: RunningBot.sadar).last
        #expect(groupReply?.text.contains("निजी") == true && groupReply?.text.contains("Rampur") == false)
    }

    @Test func registerBindsForTheAdminAndTheDistrictsSPOnly() async throws {
        let bot = try await RunningBot.start()
        let newGroup: Int64 = -1_001_000_000_077
        try bot.store.upsertThana(Thana(code: "KHG-ALAULI", districtCode: "KHG", name: "Alauli"), at: Date())
        // A citizen, an SHO and another district's SP: refused, nothing bound.
        for user in [RunningBot.informant, RunningBot.shoSadar, RunningBot.spPatna] {
            try await bot.command("/register KHG-ALAULI", by: user, in: newGroup)
            #expect(bot.lastText(to: newGroup).contains("⛔"), "\(user.firstName)")
        }
        #expect(try bot.store.thanas().first { $0.code == "KHG-ALAULI" }?.chatID == nil)
        try await bot.command("/register@SenaniTestBot KHG-ALAULI", by: RunningBot.spKhagaria, in: newGroup)
        #expect(try bot.store.thanas().first { $0.code == "KHG-ALAULI" }?.chatID == newGroup)
        // A command for another bot is ignored.
        try await bot.command("/register@SomeOtherBot KHG-SADAR", by: RunningBot.admin, in: newGroup)
        #expect(try bot.store.thanas().first { $0.code == "KHG-ALAULI" }?.chatID == newGroup)
        // The admin can bind any thana's group.
        let patnaGroup: Int64 = -1_001_000_000_078
        try await bot.command("/register PAT-NAGAR", by: RunningBot.admin, in: patnaGroup)
        try await bot.stop()
        #expect(try bot.store.thanas().first { $0.code == "PAT-NAGAR" }?.chatID == patnaGroup)
        let registrations = try bot.store.audit().filter { $0.action == "register" }
        #expect(registrations.map(\.actorID) == [21, 31])
        #expect(registrations.allSatisfy { $0.before != nil && $0.after != nil })
    }

    @Test func nothingSentToAnOfficerNamesTheInformant() async throws {
        let bot = try await RunningBot.start()
        let informant = FakeUser(id: 555_444_333, firstName: "Suresh", lastName: "Mahto", username: "suresh_secret")
        let (report, notice) = try await bot.tip(from: informant)
        bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: informant, text: nil, photo: true, location: (25.5, 86.4))
        try await bot.tap(try bot.data("d", under: notice), on: notice, by: RunningBot.shoSadar)
        try await bot.command("/show \(report.ref)", by: RunningBot.spKhagaria)
        try await bot.command("/pending", by: RunningBot.admin)
        try await bot.command("/ack \(report.ref)", by: RunningBot.shoSadar)
        try await waitUntil("the outbox drained") { try bot.store.outboxCounts().pending == 0 }
        try await bot.stop()
        let officerChats: Set<Int64> = [11, 12, 13, 21, 22, 31]
        let toOfficers = bot.fake.requests.filter { officerChats.contains($0.params["chat_id"]?.int64Value ?? 0) }
        #expect(toOfficers.count >= 5)
        #expect(toOfficers.contains { $0.method == "sendPhoto" } && toOfficers.contains { $0.method == "sendLocation" })
        for request in toOfficers {
            let everything = "\(request.params)"
            for secret in ["555444333", "Suresh", "Mahto", "suresh_secret"] {
                #expect(!everything.contains(secret), "\(request.method) to an officer carries \(secret)")
            }
        }
    }
}
