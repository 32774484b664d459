import Foundation
import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

/// The store tells the environment's faults (retry later) from the request's own (skip it).
@Suite struct FaultTests {
    @Test func aFullDatabaseIsATransientFault() async throws {
        let fixture = try StoreFixture()
        try await fixture.store.limitSize(pages: try fixture.store.pageCount())
        let long = String(repeating: "daru bik rahi hai ", count: 400)
        let batch = IntakeBatch(
            effects: (1...5).map { .newReport(tip(message: Int64($0), text: long, analysis: analysis(bits: UInt64($0) << 40)), followUp: replies([])) },
            nextOffset: 9)
        do {
            _ = try await fixture.store.commit(batch, at: epoch)
            Issue.record("a full database accepted the batch")
        } catch {
            #expect(error.isTransient && error.fault == .full, "\(error)")
        }
        #expect(try await fixture.store.nextOffset() == nil)
        try await fixture.store.limitSize(pages: nil)
        _ = try await fixture.store.commit(batch, at: epoch)
        #expect(try fixture.store.reports().count == 5)
    }

    @Test func aLockHeldElsewhereIsATransientFault() async throws {
        let fixture = try StoreFixture()
        let store = try Store(path: fixture.directory.file("senani.sqlite"), busyTimeout: .milliseconds(100))
        let lock = try WriteLockHolder(path: fixture.directory.file("senani.sqlite"))
        do {
            _ = try await store.commit(IntakeBatch(effects: [], nextOffset: 3), at: epoch)
            Issue.record("a locked database accepted the batch")
        } catch {
            #expect(error.isTransient && error.fault == .busy, "\(error)")
        }
        try lock.release()
        _ = try await store.commit(IntakeBatch(effects: [], nextOffset: 3), at: epoch)
    }

    @Test func interruptingWaitsEndsALongLockWaitAtOnce() async throws {
        let fixture = try StoreFixture()
        let store = try Store(path: fixture.directory.file("senani.sqlite"), busyTimeout: .seconds(30))
        let lock = try WriteLockHolder(path: fixture.directory.file("senani.sqlite"))
        defer { try? lock.release() }
        let clock = ContinuousClock()
        let start = clock.now
        let attempt = Task { try await store.commit(IntakeBatch(effects: [], nextOffset: 3), at: epoch) }
        try await Task.sleep(for: .milliseconds(200))
        store.interruptWaits()
        await #expect(throws: StoreError.self) { _ = try await attempt.value }
        // Far less than the 30 s it would wait otherwise (a loaded test run can delay the task's resumption by
        // seconds, so the bound is loose).
        #expect(clock.now - start < .seconds(20))
    }

    @Test func aConstraintIsTheRequestsFault() async throws {
        let fixture = try StoreFixture()
        do {
            _ = try await fixture.store.commit(
                IntakeBatch(effects: [.newReport(tip(thana: "NO-SUCH", message: 1), followUp: replies([]))], nextOffset: 2), at: epoch)
            Issue.record("accepted a report for no thana")
        } catch {
            #expect(!error.isTransient)
        }
    }
}
