import Foundation
import SenaniBot
import SenaniStore
import TelegramBotAPI
import Testing
import TipAnalysis

@Suite struct UpdateHandlerTests {
    let handler = UpdateHandler()
    let context = IntakeContext(
        thanaByChat: [-1001: "KHG-SADAR", -1002: "KHG-GOGRI"],
        officers: [11: Officer(telegramID: 11, role: .sho, thanaCode: "KHG-SADAR", name: "R. Kumar")])

    @Test func aTipInABoundGroupBecomesAReportWithAReplyThatDoesNotRepeatIt() throws {
        let outcome = handler.handle(
            Updates.message(7, chat: -1002, text: "Rampur me daru bik rahi hai, bhatti chal rahi hai"), context: context)
        guard case .newReport(let report, let replies) = try #require(outcome.effects.first) else {
            Issue.record("expected a new report, got \(outcome.effects)")
            return
        }
        #expect(report.thanaCode == "KHG-GOGRI")
        #expect(report.messageID == 7)
        #expect(report.reporterUserID == 555)
        #expect(replies == [OutboxDraft(chatID: -1002, template: "group_ack", replyToMessageID: 7)])
        #expect(replies.allSatisfy { $0.parameters.values.allSatisfy { !$0.contains("daru") } })
    }

    @Test func chatterOfficersBotsAndUnboundGroupsMakeNoReport() {
        let cases: [(Update, UpdateHandler.Skip)] = [
            (Updates.message(text: "जय हिंद सर 🙏"), .notATip),
            (Updates.message(from: 11, text: "daru bik rahi hai Rampur me"), .fromOfficer),
            (Updates.message(isBot: true, text: "daru bik rahi hai"), .fromBot),
            (Updates.message(chat: -999, text: "daru bik rahi hai"), .unboundChat(-999)),
        ]
        for (update, skip) in cases {
            let outcome = handler.handle(update, context: context)
            #expect(outcome.effects.isEmpty)
            #expect(outcome.skip == skip)
        }
    }

    @Test func aPrivateMessageIsAnsweredHonestlyAndQueuesNoReport() {
        let outcome = handler.handle(Updates.message(4, chat: 555, chatType: "private", text: "daru bik rahi hai"), context: context)
        #expect(outcome.effects == [.send(OutboxDraft(chatID: 555, template: "private_unavailable", replyToMessageID: 4))])
    }

    @Test func captionsAndMediaAndPinsComeWithTheTip() throws {
        let photo: [String: Any] = [
            "photo": [
                ["file_id": "small", "file_unique_id": "s", "width": 90, "height": 90],
                ["file_id": "large", "file_unique_id": "l", "width": 1280, "height": 960],
            ]
        ]
        let outcome = handler.handle(Updates.message(caption: "yahan daru ka godown hai", extra: photo), context: context)
        guard case .newReport(let report, _) = try #require(outcome.effects.first) else {
            Issue.record("expected a report")
            return
        }
        #expect(report.text == "yahan daru ka godown hai")
        #expect(report.media == [MediaRef(kind: "photo", fileID: "large")])

        let pin = handler.handle(
            Updates.message(8, extra: ["location": ["latitude": 25.5, "longitude": 86.4]]), context: context)
        #expect(pin.effects.count == 1)
        if case .attachToRecent(let chat, let user, _, let media, let location) = pin.effects.first {
            #expect(chat == -1001 && user == 555 && media.isEmpty)
            #expect(location == GeoPoint(latitude: 25.5, longitude: 86.4))
        } else {
            Issue.record("expected an attachment, got \(pin.effects)")
        }
    }

    @Test func migrationServiceMessagesMoveTheBindingEitherWay() {
        let old = handler.handle(Updates.message(chat: -1001, chatType: "group", extra: ["migrate_to_chat_id": -100_555]), context: context)
        #expect(old.effects == [.migrateChat(from: -1001, to: -100_555)])
        let new = handler.handle(Updates.message(chat: -100_555, extra: ["migrate_from_chat_id": -1001]), context: context)
        #expect(new.effects == [.migrateChat(from: -1001, to: -100_555)])
    }

    @Test func editsGoToTheStoreWhichDecidesByStatus() {
        let outcome = handler.handle(Updates.message(3, text: "theek hai", edited: true), context: context)
        guard case .editReport(let report, _) = outcome.effects.first else {
            Issue.record("expected an edit, got \(outcome.effects)")
            return
        }
        #expect(report.messageID == 3)
        #expect(report.text == "theek hai")
    }

    @Test func helpIsAnsweredOnlyWhereTheBotIsSetUp() {
        let bound = handler.handle(Updates.message(text: "/help@SenaniTestBot"), context: context)
        #expect(bound.effects == [.send(OutboxDraft(chatID: -1001, template: "help", replyToMessageID: 1))])
        let unbound = handler.handle(Updates.message(chat: -42, text: "/help"), context: context)
        #expect(unbound.effects.isEmpty)
        let start = handler.handle(Updates.message(chat: 555, chatType: "private", text: "/start"), context: context)
        #expect(start.effects == [.send(OutboxDraft(chatID: 555, template: "start", replyToMessageID: 1))])
    }

    @Test func otherUpdateKindsAreSkipped() {
        let poll = Updates.decode(["update_id": 9, "poll": ["id": "1", "question": "?", "options": []]])
        #expect(handler.handle(poll, context: context).skip == .unhandledKind)
    }
}
