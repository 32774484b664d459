import Foundation
import Testing

@testable import TelegramBotAPI

/// `Message.command` never traps, whatever offset and length the `bot_command` entity claims.
@Suite struct CommandEntityTests {
    private func message(_ text: String, offset: Int = 0, length: Int) -> Message {
        var message = Message(messageID: 1, from: nil, date: 0, chat: Chat(id: 1, type: .private), text: text)
        message.entities = [MessageEntity(type: "bot_command", offset: offset, length: length)]
        return message
    }

    @Test(arguments: [0, -1, -5, 1, Int.min])
    func tooShortLengthIsNoCommand(length: Int) {
        #expect(message("/start", length: length).command == nil)
    }

    @Test(arguments: [6, 7, 100, Int.max])
    func lengthPastTheTextIsClamped(length: Int) {
        let command = message("/start", length: length).command
        #expect(command?.name == "start")
        #expect(command?.arguments == "")
    }

    @Test(arguments: [1, -1, 7, Int.max, Int.min])
    func offsetOtherThanZeroIsNoCommand(offset: Int) {
        #expect(message("/start", offset: offset, length: 6).command == nil)
    }

    @Test func lengthInsideASurrogatePairOrOnlyTheMention() {
        // "/😀" is 3 UTF-16 units; a length of 2 cuts the pair in half, which decodes as U+FFFD.
        #expect(message("/😀 x", length: 2).command?.name == "\u{FFFD}")
        #expect(message("/@bot", length: 5).command == nil)
        #expect(message("/", length: 1).command == nil)
        #expect(message("/ack@SenaniBot KHG-1", length: 14).command?.mention == "SenaniBot")
    }

    @Test func bodyIsTextOrCaption() {
        var message = Message(messageID: 1, from: nil, date: 0, chat: Chat(id: 1, type: .private))
        #expect(message.body == nil)
        message.caption = "c"
        #expect(message.body == "c")
    }
}
