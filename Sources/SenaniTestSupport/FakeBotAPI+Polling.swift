import Dispatch
import Foundation

extension FakeBotAPI {
    /// Telegram's getUpdates: `offset` confirms older updates; answers at once when updates are pending, otherwise
    /// waits up to `timeout` seconds and answers as soon as one arrives. A newer getUpdates ends a waiting one
    /// with 409.
    func getUpdates(_ params: [String: JSONValue], _ request: HTTPRequestHead) -> FakeAnswer {
        let offset = params["offset"]?.int64Value
        let limit = max(1, min(100, Int(params["limit"]?.int64Value ?? 100)))
        let timeout = max(0, Double(params["timeout"]?.int64Value ?? 0))
        let allowed = params["allowed_updates"]?.arrayValue?.compactMap(\.stringValue)
        let deadline = DispatchTime.now() + timeout
        let waiter = PollWaiter()

        var generation: Int? = nil
        while true {
            let (batch, older, superseded) = state.withLock { state -> (Data?, PollWaiter?, Bool) in
                var older: PollWaiter? = nil
                if let generation {
                    if state.waiter === waiter { state.waiter = nil }
                    // A newer getUpdates arrived while this one was between waits: this one is the older, so 409.
                    if state.pollGeneration != generation { return (nil, nil, true) }
                } else {
                    state.pollGeneration += 1
                    generation = state.pollGeneration
                    older = state.waiter
                    state.waiter = nil
                    if let offset, offset > 0 {
                        state.confirm(below: offset)
                        state.confirmedOffset = max(state.confirmedOffset, offset)
                    } else if let offset, offset < 0, offset > Int64.min, state.queue.count > Int(-offset) {
                        // A negative offset keeps only the last -offset updates and forgets the rest.
                        state.confirm(below: state.queue[state.queue.count - Int(-offset)].id)
                    }
                    if let allowed {
                        // An empty list means "the default kinds", like Telegram.
                        let kinds = allowed.isEmpty ? nil : Set(allowed)
                        if kinds != state.allowedUpdates {
                            state.allowedUpdates = kinds
                            state.filteredPrefix = 0
                        }
                    }
                }
                state.dropDisallowed()
                if !state.queue.isEmpty || DispatchTime.now() >= deadline || stopped.wait(until: .distantPast) {
                    return (Self.joined(state.queue.prefix(limit)), older, false)
                }
                state.waiter = waiter
                return (nil, older, false)
            }
            if superseded { return Self.answer(for: .conflict) }
            if let older {
                older.conflicted.store(true, ordering: .sequentiallyConsistent)
                older.semaphore.signal()
            }
            if let batch { return .okRaw(batch) }
            // Wait in slices: an update or a newer poll wakes us at once; between slices, notice a client that
            // hung up (a cancelled poll) so its thread and the fake are not held for the whole timeout.
            let slice = min(deadline, DispatchTime.now() + Self.abandonCheckInterval)
            if waiter.semaphore.wait(timeout: slice) == .timedOut, slice < deadline, request.isPeerClosed() {
                state.withLock { state in
                    if state.waiter === waiter { state.waiter = nil }
                }
                return .drop
            }
            if waiter.conflicted.load(ordering: .sequentiallyConsistent) {
                return Self.answer(for: .conflict)
            }
        }
    }

    private static func joined(_ updates: ArraySlice<FakeBotAPIState.QueuedUpdate>) -> Data {
        var data = Data("[".utf8)
        for (index, update) in updates.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data.append(update.json)
        }
        data.append(UInt8(ascii: "]"))
        return data
    }

    /// Wakes the waiting long poll, if any, because updates arrived.
    func wakePoller(_ waiter: PollWaiter?) {
        waiter?.semaphore.signal()
    }
}
