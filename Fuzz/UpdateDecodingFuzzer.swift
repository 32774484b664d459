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
    return 0
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
