import Foundation

// libFuzzer harness for the getUpdates answer path: envelope bytes → UpdateBatchDecoder → Message.command / body.
// Compiled by `.ci/fuzz` together with the TelegramBotAPI sources it needs (no curl, no swift-log), so it calls
// internal API directly. A trap, a precondition failure or a sanitizer report is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUpdateDecoding(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    exercise(data)
    // The seeds are single updates: wrapped as the one element of a batch they reach the element paths at once.
    var wrapped = Data(#"{"ok":true,"result":["#.utf8)
    wrapped.append(data)
    wrapped.append(contentsOf: Array("]}".utf8))
    exercise(wrapped)
    // And as a command message built directly from the bytes: entity numbers anywhere in the Int range (a mutated
    // JSON number seldom walks down to 0 or below without a coverage gradient to follow).
    exerciseCommand(data)
    // The fast reader must agree with JSONDecoder whenever it takes a text: same update, and never one JSONDecoder
    // refuses (a finding here is a divergence, not a crash).
    if let fast = try? WireDecoder.decode(Update.self, from: data) {
        precondition(fast == (try? JSONDecoder().decode(Update.self, from: data)), "WireDecoder and JSONDecoder disagree")
    }
    return 0
}

/// Bytes 0–7 and 8–15 are the `bot_command` entity's offset and length; the rest, lossily UTF-8, is the text.
private func exerciseCommand(_ data: Data) {
    guard data.count >= 16 else { return }
    let bytes = [UInt8](data)
    func integer(_ start: Int) -> Int {
        bytes[start..<(start + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }.asInt
    }
    var text = String(decoding: bytes[16...], as: UTF8.self)
    if !text.hasPrefix("/") { text = "/" + text }
    var message = Message(messageID: 1, from: nil, date: 0, chat: Chat(id: 1, type: .private), text: text)
    // Offset 0 most of the time: that is the only offset `command` accepts, so the length is what gets exercised.
    let offset = bytes[0] & 1 == 0 ? 0 : integer(0)
    message.entities = [MessageEntity(type: "bot_command", offset: offset, length: integer(8))]
    _ = message.command
}

extension UInt64 {
    /// The same bits as an Int, so negative lengths are as likely as positive ones.
    fileprivate var asInt: Int { Int(truncatingIfNeeded: self) }
}

private func exercise(_ data: Data) {
    guard let updates = try? UpdateBatchDecoder.decode(HTTPResponse(status: 200, body: data), offset: 100) else {
        return
    }
    for incoming in updates {
        // The poller computes the next offset with `updateID + 1`; it must never overflow.
        precondition(incoming.updateID < Int64.max, "update id \(incoming.updateID) would overflow the offset")
        _ = incoming.confirmingOffset
        guard case .update(let update) = incoming else { continue }
        let messages = [update.message, update.editedMessage, update.channelPost, update.editedChannelPost]
        for case let message? in messages {
            _ = message.command
            _ = message.body
        }
        _ = update.callbackQuery?.message?.text
    }
}
