import SenaniBot
import Testing

@Suite struct RateLimiterTests {
    @Test func aGroupGetsTwentyAMinute() {
        var limiter = RateLimiter(limits: .telegram)
        for i in 0..<20 {
            #expect(limiter.earliestSend(to: -1001, now: Double(i)) == Double(i))
            limiter.recordSend(to: -1001, at: Double(i))
        }
        // The 21st waits until the first leaves the minute; another group is free meanwhile.
        #expect(limiter.earliestSend(to: -1001, now: 20) == 60)
        #expect(limiter.earliestSend(to: -1002, now: 20) == 20)
    }

    @Test func aPrivateChatGetsAShortBurstOfThreeASecondAndEveryoneThirtyASecond() {
        var limiter = RateLimiter(limits: .telegram)
        limiter.recordSend(to: 42, at: 10)
        limiter.recordSend(to: 42, at: 10.1)
        #expect(limiter.earliestSend(to: 42, now: 10.2) == 10.2)
        limiter.recordSend(to: 42, at: 10.2)
        #expect(limiter.earliestSend(to: 42, now: 10.3) == 11)
        for chat in 100..<127 { limiter.recordSend(to: Int64(chat), at: 10.5) }
        // 30 sends within the second: the next chat waits for the window to slide.
        #expect(limiter.earliestSend(to: 7, now: 10.6) == 11)
        #expect(limiter.earliestSend(to: 7, now: 11.01) == 11.01)
    }

    @Test func a429PausesEverything() {
        var limiter = RateLimiter(limits: .telegram)
        limiter.pause(retryAfter: 7, now: 100)
        #expect(limiter.earliestSend(to: -1001, now: 100) == 107)
        #expect(limiter.earliestSend(to: 42, now: 106.9) == 107)
        #expect(limiter.earliestSend(to: 42, now: 108) == 108)
    }
}

@Suite struct BackoffTests {
    @Test func growsFromOneSecondToTheCapAndStaysThere() {
        let backoff = Backoff()
        #expect(backoff.ceiling(afterFailures: 1) == .seconds(1))
        #expect(backoff.ceiling(afterFailures: 3) == .seconds(4))
        #expect(backoff.ceiling(afterFailures: 7) == .seconds(60))
        #expect(backoff.ceiling(afterFailures: 500) == .seconds(60))
        for failures in 1...10 {
            let delay = backoff.delay(afterFailures: failures)
            #expect(delay <= backoff.ceiling(afterFailures: failures))
            #expect(delay >= backoff.ceiling(afterFailures: failures) / 2)
        }
    }
}
