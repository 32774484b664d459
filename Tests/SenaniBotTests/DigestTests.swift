import CCairo
import Foundation
import SenaniBot
@testable import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

/// A district seeded through the real store paths (intake, acknowledge, close) at chosen times.
struct DigestFixture {
    let directory: TemporaryDirectory
    let store: Store
    static let day = DigestDay("2026-11-24")!
    static let analyzer = TipAnalyzer()

    init(language: DigestLanguage = .hindi) throws {
        directory = try TemporaryDirectory("senani-digest")
        store = try Store(path: directory.file("senani.sqlite"))
        let long = Self.day.start.addingTimeInterval(-30 * 86_400)
        try store.upsertDistrict(District(code: "KHG", name: "Khagaria", digestLanguage: language), at: long)
        try store.upsertDistrict(District(code: "PAT", name: "Patna"), at: long)
        for (index, name) in ["Sadar", "Gogri", "Chautham", "Beldaur"].enumerated() {
            try store.upsertThana(
                Thana(code: "KHG-\(name.uppercased())", districtCode: "KHG", name: name, chatID: -1001 - Int64(index)), at: long)
        }
        try store.upsertThana(Thana(code: "PAT-NAGAR", districtCode: "PAT", name: "Nagar", chatID: -2001), at: long)
        try store.upsertOfficer(Officer(telegramID: 11, role: .sho, thanaCode: "KHG-SADAR", name: "R. Kumar"), at: long)
        try store.upsertOfficer(Officer(telegramID: 21, role: .sp, districtCode: "KHG", name: "SP"), at: long)
    }

    /// Queues a tip in `thana` received at `at`; `words` distinct per call unless `text` repeats one.
    @discardableResult
    func tip(_ thana: String, _ text: String, at: Date, message: Int64) async throws -> String {
        let chat = try #require(try store.thanas().first { $0.code == thana }?.chatID)
        let summary = try await store.commit(
            IntakeBatch(
                effects: [
                    .newReport(
                        NewReport(
                            thanaCode: thana, chatID: chat, messageID: message, reporterUserID: 500 + message, text: text,
                            receivedAt: at, analysis: Self.analyzer.analyze(text)), followUp: { _ in [] })
                ], nextOffset: message), at: at)
        return try #require(summary.newReports.first ?? summary.duplicates.first)
    }

    func acknowledge(_ ref: String, at: Date) async throws {
        let sho = try #require(try store.officers().first { $0.telegramID == 21 })
        try await store.act(FactsRequest(actorID: 21, ref: ref), at: at) { _ in Decision(mutations: [.acknowledge(ref: ref, by: sho)]) }
    }

    func close(_ ref: String, _ outcome: ReportOutcome, at: Date) async throws {
        let sp = try #require(try store.officers().first { $0.telegramID == 21 })
        try await store.act(FactsRequest(actorID: 21, ref: ref), at: at) { _ in
            Decision(mutations: [.close(ref: ref, by: sp, outcome: outcome, resolution: nil)])
        }
    }

    /// A day's worth of tips: liquor, wanted and election ones in three thanas, one repeated twice, with
    /// acknowledgements after known delays and some closed; tips on the days before for the comparisons.
    func seed() async throws {
        let start = Self.day.start
        let h = { (hours: Double) in start.addingTimeInterval(hours * 3600) }
        var message: Int64 = 0
        func next() -> Int64 { message += 1; return message }
        let liquor = [
            "Rampur tola me Ramesh ke ghar daru bik rahi hai, 20 peti rakhi hai, raat me pickup aata hai",
            "Sonbarsa bazar me mahua ki bhatti chal rahi hai har raat, Pintu chala raha hai school ke peeche",
            "Parsa chowk par angrezi sharab ki home delivery ho rahi hai, safed bolero se aate hain",
        ]
        let first = try await tip("KHG-SADAR", liquor[0], at: h(1), message: next())
        let second = try await tip("KHG-SADAR", liquor[1], at: h(2), message: next())
        let third = try await tip("KHG-GOGRI", liquor[2], at: h(3), message: next())
        let wanted = try await tip("KHG-SADAR", "farar apradhi Guddu Yadav jiske upar inaam hai abhi Kishanpur me sasural me chhupa hai", at: h(4), message: next())
        let election = try await tip("KHG-CHAUTHAM", "booth number 45 par vote ke liye paise baant rahe hain mukhiya ke log, dhamki bhi de rahe hain", at: h(5), message: next())
        // The first tip told again twice the same day: repeats, closed as duplicates at once.
        try await tip("KHG-SADAR", liquor[0], at: h(6), message: next())
        try await tip("KHG-SADAR", liquor[0], at: h(7), message: next())
        try await acknowledge(first, at: h(1).addingTimeInterval(10 * 60))
        try await acknowledge(second, at: h(2).addingTimeInterval(40 * 60))
        try await acknowledge(wanted, at: h(4).addingTimeInterval(5 * 60))
        try await close(first, .actionTaken, at: h(9))
        try await close(wanted, .noSubstance, at: h(10))
        try await close(third, .actionTaken, at: h(11))
        _ = election
        // The days before: 2 liquor the day before, 1 other three days before; one tip the day after (not counted).
        try await tip("KHG-GOGRI", "Mahuli me tadi bech raha hai ek aadmi roz shaam ko nadi kinare wale ghar me", at: h(-5), message: next())
        try await tip("KHG-GOGRI", "Bairiya me desi sharab ka bada stock utra hai kal raat panchayat bhawan ke paas", at: h(-6), message: next())
        try await tip("KHG-SADAR", "Alauli me satta chal raha hai har roz dopahar me bazar ke peeche wale makaan me", at: h(-60), message: next())
        try await tip("KHG-SADAR", "Pipra me ganja bik raha hai school ke paas wali gumti par roz subah se", at: h(30), message: next())
        try await tip("PAT-NAGAR", "Nagar me daru bik rahi hai station ke paas wali gali me raat bhar", at: h(3), message: next())
    }
}

@Suite struct DigestContentTests {
    static var templates: MessageTemplates {
        get async throws { try await MessageTemplates(directory: MessageTemplates.locate(explicit: nil)) }
    }

    @Test func theDigestsNumbersAreTheStoresNumberByNumber() async throws {
        let fixture = try DigestFixture(language: .english)
        try await fixture.seed()
        let day = DigestFixture.day
        let asOf = day.end.addingTimeInterval(8 * 3600)
        let facts = try #require(try await fixture.store.digestFacts(district: "KHG", day: day, asOf: asOf, sla: .standard))
        let summary = DigestSummary(facts)

        // The day's reports as `reports export` would list them, district KHG.
        let exported = try fixture.store.reports(ReportFilter(districtCode: "KHG", since: day.start, until: day.end))
        #expect(summary.total == exported.count)
        #expect(exported.count == 7)
        for line in summary.categories {
            #expect(line.count == exported.filter { $0.category == line.category }.count, "\(line.category)")
        }
        let before = try fixture.store.reports(ReportFilter(districtCode: "KHG", since: day.advanced(by: -1).start, until: day.start))
        #expect(summary.totalPrevious == before.count)
        let week = try fixture.store.reports(ReportFilter(districtCode: "KHG", since: day.advanced(by: -7).start, until: day.start))
        #expect(abs(summary.totalAverage - Double(week.count) / 7) < 1e-9)

        for line in summary.thanas {
            let mine = exported.filter { $0.thanaCode == line.thana.code }
            #expect(line.received == mine.count)
            #expect(line.repeats == mine.filter { $0.duplicateOf != nil }.count)
            #expect(line.acknowledged == mine.filter { $0.acknowledgedAt != nil }.count)
            #expect(line.closed == mine.filter { $0.status == .closed }.count)
            #expect(line.open == mine.filter { $0.status != .closed }.count)
            #expect(line.actionTaken == mine.filter { $0.outcome == .actionTaken }.count)
            #expect(line.noSubstance == mine.filter { $0.outcome == .noSubstance }.count)
            let times = mine.compactMap { r in r.acknowledgedAt.map { Int64($0.timeIntervalSince(r.receivedAt)) } }.sorted()
            #expect(line.medianAcknowledge == (times.isEmpty ? nil : times[(times.count + 1) / 2 - 1]))
            #expect(line.p90Acknowledge == (times.isEmpty ? nil : times[Int((0.9 * Double(times.count)).rounded(.up)) - 1]))
        }
        let sadar = try #require(summary.thanas.first { $0.thana.code == "KHG-SADAR" })
        #expect(sadar.received == 5 && sadar.repeats == 2 && sadar.acknowledged == 3 && sadar.closed == 4 && sadar.open == 1)
        #expect(sadar.medianAcknowledge == 600 && sadar.p90Acknowledge == 2400)
        #expect(summary.thanas.first?.thana.code == "KHG-SADAR")
        #expect(summary.silent.map(\.thana.code) == ["KHG-BELDAUR"])
        #expect(summary.silent.first?.silentWeek == true)

        // Overdue at 08:00 the next day: the open, unacknowledged ones past their SLA.
        let overdue = try fixture.store.reports(ReportFilter(districtCode: "KHG", status: .new)).filter {
            asOf.timeIntervalSince($0.receivedAt) >= Double(SLA.standard.seconds(for: $0.category))
        }
        #expect(facts.overdueCount == overdue.count)
        #expect(facts.overdue.map(\.ref) == overdue.map(\.ref))
        #expect(facts.repeated.count == 1 && facts.repeated.first?.repeatsInWindow == 2 && facts.repeated.first?.timesTold == 3)

        // The text says the same numbers.
        let builder = DigestBuilder(templates: try await Self.templates, logger: RecordingLogHandler.Recorder().logger(level: .trace))
        let text = DigestComposer.plainText(try #require(builder.text(facts)))
        #expect(text.contains("Khagaria — daily tip digest"))
        #expect(text.contains("24-11-2026"))
        #expect(text.contains("🍶 Liquor: \(summary.categories[0].count) ("))
        #expect(text.contains("Total: 7 (+5 · avg 0.4)"))
        #expect(text.contains("• Sadar: 5 (2 repeats) · 3 · 4 · 1 · 10 min/40 min · 1/1"))
        #expect(text.contains("• Beldaur (none in 7 days)"))
        #expect(text.contains(overdue.first?.ref ?? "–"))
        #expect(exported.allSatisfy { !text.contains($0.reporter) } && !text.contains("Ramesh"))
    }

    @Test func aLongDigestIsSplitIntoNumberedPartsAtLineBoundariesUnderTheLimit() {
        let lines = (0..<600).map { "• <b>थाना \($0)</b>: \($0) · 1 · 2 · 3 · 12 min/40 min · 1/0 — काफ़ी लंबी पंक्ति" }
        let text = lines.joined(separator: "\n")
        let parts = DigestComposer.parts(text)
        #expect(parts.count > 2)
        for (index, part) in parts.enumerated() {
            #expect(part.utf16.count < 4096)
            #expect(part.hasPrefix("<b>(\(index + 1)/\(parts.count))</b>\n"))
        }
        let rejoined = parts.map { $0.split(separator: "\n", maxSplits: 1).last.map(String.init) ?? "" }.joined(separator: "\n")
        #expect(rejoined == text)
        #expect(DigestComposer.parts("short") == ["short"])
    }

    @Test func theChartIsAPNGOfTheRightSizeAndLargeDistrictsAreSplit() async throws {
        let fixture = try DigestFixture()
        try await fixture.seed()
        let day = DigestFixture.day
        let builder = DigestBuilder(templates: try await Self.templates, logger: RecordingLogHandler.Recorder().logger(level: .trace))
        let facts = try #require(try await fixture.store.digestFacts(district: "KHG", day: day, asOf: day.end, sla: .standard))
        let charts = await builder.charts(facts)
        #expect(charts.count == 1)
        let png = try #require(charts.first?.png)
        let decoded = try #require(PNGSize(png))
        #expect(decoded.width == 1000)
        #expect(decoded.height > 200 && decoded.height < 2000)
        #expect(charts.first?.caption.contains("Khagaria") == true)

        var many = facts
        many.thanas = (0..<45).map { Thana(code: "KHG-T\($0)", districtCode: "KHG", name: "थाना \($0)") }
        let split = DigestComposer.chartData(many, summary: DigestSummary(many), words: try #require(
            DigestComposer.ChartWords(lines: "T\nS\na\nb\nc\nd", language: .hindi)))
        #expect(split.map(\.thanas.count) == [15, 15, 15])
    }
}

extension DigestContentTests {
    @Test func whenTheChartCannotBeDrawnTheTextStillGoesAndTheFailureIsLogged() async throws {
        let fixture = try DigestFixture()
        try await fixture.seed()
        // A templates folder whose chart words are broken: the chart cannot be made.
        let folder = fixture.directory.file("Templates")
        try FileManager.default.copyItem(atPath: MessageTemplates.locate(explicit: nil), toPath: folder)
        try "only one line".write(toFile: folder + "/digest_chart_hi.mustache", atomically: true, encoding: .utf8)
        let logs = RecordingLogHandler.Recorder()
        let builder = DigestBuilder(templates: try await MessageTemplates(directory: folder), logger: logs.logger())
        let day = DigestFixture.day
        let facts = try #require(try await fixture.store.digestFacts(district: "KHG", day: day, asOf: day.end, sla: .standard))
        let messages = await builder.messages(facts, to: [21])
        #expect(!messages.isEmpty)
        #expect(messages.allSatisfy { $0.kind == .message && $0.template == "digest_part" })
        #expect(logs.contains("chart"))
    }
}

/// Width and height of a PNG read back through cairo's decoder.
struct PNGSize {
    var width: Int
    var height: Int

    init?(_ data: Data) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString).png").path
        guard FileManager.default.createFile(atPath: path, contents: data) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let surface = cairo_image_surface_create_from_png(path) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
    }
}
