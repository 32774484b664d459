import Foundation

/// Decodes a getUpdates answer one update at a time, so that no update, however malformed, can fail its batch:
/// a batch that always fails would be fetched again forever and stall intake.
///
/// The envelope is split by `JSONScanner` (no full parse, no depth limit); each element of `result` is decoded on
/// its own with `JSONDecoder`; an element that fails is decoded again after `JSONTextRepair`, and if it still
/// fails it becomes `.undecodable` with its id read by `LenientUpdateID`. Answers that are not a successful
/// batch (`ok:false`, an HTML error page, broken JSON) map to `BotAPIError` exactly as any other method's do.
enum UpdateBatchDecoder {
    /// The updates of a getUpdates answer.
    /// - Parameter offset: the offset the batch was asked for; it places an update whose id cannot be read.
    static func decode(_ response: HTTPResponse, offset: Int64? = nil) throws(BotAPIError) -> [IncomingUpdate] {
        let elements = response.body.withUnsafeBytes { successfulResult(in: $0) }
        guard let elements else {
            // Not `ok:true` with an array: the envelope decoding reports it as it does for every method.
            let _: IgnoredResult = try Envelope.unwrap(response, method: "getUpdates")
            throw BotAPIError(
                .invalidResponse, method: "getUpdates", errorCode: response.status,
                message: "getUpdates answered ok without an array of updates")
        }
        let base = response.body.startIndex
        let body = response.body
        let decoded = decodeAll(elements.count) { index, decoder in
            let range = elements[index]
            let element = body[(base + range.lowerBound)..<(base + range.upperBound)]
            let result = decodeElement(element, decoder: decoder)
            switch result {
            case .success(let update) where LenientUpdateID.validRange.contains(update.updateID):
                return (update.updateID, result)
            case .success:
                return (nil, .failure(ElementFailure(reason: "update_id out of range")))
            case .failure:
                return (element.withUnsafeBytes { LenientUpdateID.read(from: $0) }, result)
            }
        }
        return place(decoded, offset: offset)
    }

    /// The byte ranges of `result`'s elements when the envelope is `{"ok":true,"result":[…]}`, else nil.
    private static func successfulResult(in raw: UnsafeRawBufferPointer) -> [Range<Int>]? {
        var ok = false
        var result: Range<Int>? = nil
        var scanner = JSONScanner(raw)
        guard
            scanner.forEachMember({ key, value in
                if JSONScanner.bytes(raw, in: key, equal: "ok") {
                    ok = JSONScanner.bytes(raw, in: value, equal: "true")
                } else if JSONScanner.bytes(raw, in: key, equal: "result") {
                    result = value
                }
            })
        else { return nil }
        scanner.skipWhitespace()
        guard scanner.isAtEnd, ok, let result else { return nil }
        var elements: [Range<Int>] = []
        var inner = JSONScanner(UnsafeRawBufferPointer(rebasing: raw[result]))
        guard inner.forEachElement({ elements.append((result.lowerBound + $0.lowerBound)..<(result.lowerBound + $0.upperBound)) })
        else { return nil }
        return elements
    }

    typealias Decoded = (id: Int64?, result: Result<Update, ElementFailure>)

    /// `decodeOne` for every index, in order. A full batch is split across the cores: decoding a hundred updates
    /// with Foundation's JSONDecoder was a tenth of intake time, and the next getUpdates waits for it.
    private static func decodeAll(_ count: Int, _ decodeOne: @Sendable (Int, JSONDecoder) -> Decoded) -> [Decoded] {
        let lanes = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4)
        guard count >= 16, lanes > 1 else {
            let decoder = JSONDecoder()
            return (0..<count).map { decodeOne($0, decoder) }
        }
        let size = (count + lanes - 1) / lanes
        let slots = DecodedSlots(count: count)
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let decoder = JSONDecoder()
            for index in lane * size..<min((lane + 1) * size, count) { slots.put(decodeOne(index, decoder), at: index) }
        }
        return slots.all
    }

    /// One update; a failure is retried once with its text repaired.
    private static func decodeElement(_ element: Data, decoder: JSONDecoder) -> Result<Update, ElementFailure> {
        // The fast reader takes what it is sure of; everything else, and every failure, is JSONDecoder's call.
        if let update = try? WireDecoder.decode(Update.self, from: element) { return .success(update) }
        do {
            return .success(try decoder.decode(Update.self, from: element))
        } catch {
            if let repaired = JSONTextRepair.repaired(element),
                let update = try? decoder.decode(Update.self, from: Data(repaired))
            {
                return .success(update)
            }
            return .failure(ElementFailure(reason: describe(error)))
        }
    }

    /// Turns decoded elements into `IncomingUpdate`s, giving each one without a readable id the id its position
    /// implies: one more than the update before it, or the requested offset for the first (Telegram numbers
    /// updates consecutively, and the offset asks for that id first). Confirming past it then works as usual.
    private static func place(
        _ decoded: [Decoded], offset: Int64?
    ) -> [IncomingUpdate] {
        let upper = LenientUpdateID.validRange.upperBound
        var previous: Int64? = offset.flatMap { $0 > 0 ? $0 - 1 : nil }
        var incoming: [IncomingUpdate] = []
        incoming.reserveCapacity(decoded.count)
        for (index, element) in decoded.enumerated() {
            var reason: String? = nil
            let id: Int64
            if let known = element.id {
                id = known
            } else {
                id = previous.map { $0 < upper ? $0 + 1 : upper } ?? assumedFromFollowing(decoded, after: index)
                reason = "update_id missing or unreadable; assumed \(id) from its position"
            }
            switch element.result {
            case .success(let update):
                incoming.append(.update(update))
            case .failure(let failure):
                let why = [reason, failure.reason].compactMap { $0 }.joined(separator: "; ")
                incoming.append(.undecodable(updateID: id, reason: why))
            }
            previous = id
        }
        return incoming
    }

    /// For a first update without an id and no offset: one less per step than the next readable id, or 0.
    private static func assumedFromFollowing(
        _ decoded: [Decoded], after index: Int
    ) -> Int64 {
        for later in decoded.indices where later > index {
            if let id = decoded[later].id {
                let distance = Int64(later - index)
                return id > distance ? id - distance : 0
            }
        }
        return 0
    }

    /// What a caller may log: the decoding error without any of the update's text.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(type(of: error))" }
        switch error {
        case .dataCorrupted(let context):
            // The parser's own message names a position, never the text.
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context.codingPath)) is invalid"
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is not \(type)"
        @unknown default:
            return "undecodable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    struct ElementFailure: Error {
        var reason: String
    }

    /// Decodes from any JSON value without looking at it.
    private struct IgnoredResult: Decodable {
        init(from decoder: any Decoder) throws {}
    }
}

/// One slot per element, each written by exactly one lane of `UpdateBatchDecoder.decodeAll` before any is read
/// (`concurrentPerform` returns only when every lane is done).
private final class DecodedSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<UpdateBatchDecoder.Decoded>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
    }

    func put(_ value: UpdateBatchDecoder.Decoded, at index: Int) { (slots + index).initialize(to: value) }

    var all: [UpdateBatchDecoder.Decoded] { Array(UnsafeBufferPointer(start: slots, count: count)) }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
}
