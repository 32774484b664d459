import Foundation
import SenaniStore
import SenaniTestSupport
import Testing

@Suite struct AdminTests {
    @Test func districtsThanasAndOfficersRoundTrip() throws {
        let fixture = try StoreFixture()
        try fixture.store.upsertDistrict(District(code: "KHG", name: "Khagaria", digestChatID: -100_777, digestHour: 7), at: epoch)
        try fixture.store.upsertOfficer(Officer(telegramID: 11, role: .sho, thanaCode: "KHG-SADAR", name: "R. Kumar"), at: epoch)
        try fixture.store.upsertOfficer(Officer(telegramID: 12, role: .sp, districtCode: "KHG", name: "SP Khagaria"), at: epoch)
        #expect(try fixture.store.districts() == [District(code: "KHG", name: "Khagaria", digestChatID: -100_777, digestHour: 7)])
        #expect(try fixture.store.thanas().map(\.chatID) == [-1002, -1001])
        let officers = try fixture.store.officers()
        #expect(officers.map(\.districtCode) == ["KHG", "KHG"])
        try fixture.store.removeOfficer(telegramID: 11, at: epoch)
        #expect(try fixture.store.officers().map(\.telegramID) == [12])
    }

    @Test func wrongInputIsRefusedAndChangesNothing() throws {
        let fixture = try StoreFixture()
        let before = try fixture.store.thanas()
        #expect(throws: StoreError.self) {
            try fixture.store.upsertThana(Thana(code: "PAT-X", districtCode: "PAT", name: "X"), at: epoch)
        }
        #expect(throws: StoreError.self) {
            try fixture.store.upsertThana(Thana(code: "KHG-NEW", districtCode: "KHG", name: "New", chatID: -1001), at: epoch)
        }
        #expect(throws: StoreError.self) {
            try fixture.store.upsertThana(Thana(code: "khg sadar", districtCode: "KHG", name: "bad code"), at: epoch)
        }
        #expect(throws: StoreError.self) {
            try fixture.store.upsertThana(Thana(code: "KHG-POS", districtCode: "KHG", name: "Positive", chatID: 1234), at: epoch)
        }
        #expect(throws: StoreError.self) {
            try fixture.store.upsertDistrict(District(code: "KHG", name: "Khagaria", digestHour: 24), at: epoch)
        }
        #expect(throws: StoreError.self) {
            try fixture.store.upsertOfficer(Officer(telegramID: 5, role: .sho, name: "No thana"), at: epoch)
        }
        #expect(throws: StoreError.self) {
            try fixture.store.upsertOfficer(Officer(telegramID: 5, role: .sho, thanaCode: "KHG-NONE", name: "Ghost"), at: epoch)
        }
        #expect(throws: StoreError.self) { try fixture.store.removeOfficer(telegramID: 404, at: epoch) }
        #expect(try fixture.store.thanas() == before)
        #expect(try fixture.store.officers().isEmpty)
    }

    @Test func reopeningMigratesNothingTwice() throws {
        let fixture = try StoreFixture()
        let again = try Store(path: fixture.directory.file("senani.sqlite"))
        #expect(
            try again.appliedMigrations() == ["v1-core", "v2-duplicate-scan-index", "v3-officer-actions", "v4-review-and-repeats", "v5-report-time-index",
                "v6-digests-and-timers", "v7-confidential-channel", "v8-leaner-report-indexes",
                "v9-repeat-epoch", "v10-no-repeat-scan-index",
                "v11-checks-without-lists", "v12-reporter-indexes-by-chat",
                "v13-inserts-seen-by-row-id", "v14-lighter-intake-indexes",
            ])
        #expect(try again.thanas().count == 2)
    }

    @Test func aDatabaseInAMissingFolderIsAClearError() {
        #expect(throws: StoreError.self) { try Store(path: "/nonexistent-folder/senani.sqlite") }
    }

    @Test func backupIsAConsistentCopyAndNeverOverwrites() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.commit(
            IntakeBatch(effects: [.newReport(tip(message: 1), followUp: replies([ack(message: 1)]))], nextOffset: 2), at: epoch)
        let copy = fixture.directory.file("copy.sqlite")
        try fixture.store.backup(to: copy)
        let restored = try Store(path: copy)
        #expect(try restored.reports().map(\.ref) == ["KHG-SADAR-000001"])
        #expect(try await restored.nextOffset() == 2)
        #expect(throws: StoreError.self) { try fixture.store.backup(to: copy) }
    }
}
