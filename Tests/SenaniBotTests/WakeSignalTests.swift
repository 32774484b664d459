import SenaniBot
import Testing

@Suite struct WakeSignalTests {
    @Test func anUnrungWaitLastsItsTimeoutEveryTime() async {
        let signal = WakeSignal()
        let clock = ContinuousClock()
        for _ in 0..<3 {
            let start = clock.now
            await signal.wait(timeout: .milliseconds(50))
            #expect(clock.now - start >= .milliseconds(45))
        }
    }

    @Test func aRingWakesAWaiterOrTheNextOne() async {
        let signal = WakeSignal()
        let clock = ContinuousClock()
        // Woken, not timed out: the waits are 60 s, the bounds leave slack for a loaded machine.
        signal.ring()
        var start = clock.now
        await signal.wait(timeout: .seconds(60))
        #expect(clock.now - start < .seconds(20))

        start = clock.now
        async let waited: Void = signal.wait(timeout: .seconds(60))
        try? await Task.sleep(for: .milliseconds(20))
        signal.ring()
        await waited
        #expect(clock.now - start < .seconds(20))
    }
}
