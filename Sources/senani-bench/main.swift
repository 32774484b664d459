import Foundation

// `swift build -c release --static-swift-stdlib && .build/release/senani-bench`: throughput and memory, printed for the notes.
// Not a test: numbers vary with the machine; targets are stated next to them.
// `senani-bench analysis|repeats|decode|intake|officers|export|chart|records|digest` runs one section only (its peak RSS is then its own).

let only = CommandLine.arguments.dropFirst().first
func section(_ name: String) -> Bool { only == nil || only == name }
print("senani-bench")
if section("analysis") {
    print("analysis (targets: >= 20,000 analyses/s on one core; 10,000 characters < 5 ms; model <= 20 MB)")
    for line in analysisBenchmark() { print(line) }
}

if section("repeats") {
    print("repeat linking (targets: distinct tips linked <= 0.5%, true repeats linked >= 90%)")
    for line in repeatBenchmark() { print(line) }
}

if section("decode") {
    print("getUpdates decoding")
    do { for line in try DecodeBenchmark.run() { print(line) } } catch { print("decode benchmark failed: \(error)") }
}

if section("intake") {
    print("intake (targets: >= 5,000 tips/s with RSS <= 60 MB)")
    let count = ProcessInfo.processInfo.environment["SENANI_BENCH_TIPS"].flatMap { Int($0) } ?? 20_000
    if count == 0 {
        print("  skipped (SENANI_BENCH_TIPS=0)")
    } else {
        do {
            // A district has 15–40 thanas; fewer groups means more reports per thana for the duplicate search to scan.
            let groups = ProcessInfo.processInfo.environment["SENANI_BENCH_GROUPS"].flatMap { Int($0) } ?? 40
            for line in try await IntakeBenchmark.run(count: count, groups: groups) { print(line) }
        } catch {
            print("intake benchmark failed: \(error)")
        }
    }
}

if section("officers") {
    print("officers (targets: SHO notice <= 3 s after its tip, callback answer <= 1 s, with the group's queue full)")
    do {
        for line in try await OfficerBenchmark.run() { print(line) }
    } catch {
        print("officers benchmark failed: \(error)")
    }
}

if section("export") {
    print("chat export reading (targets: >= 100,000 messages/s; peak RSS flat, whatever the file size)")
    do {
        let count = ProcessInfo.processInfo.environment["SENANI_BENCH_EXPORT_MESSAGES"].flatMap { Int($0) } ?? 1_000_000
        let file = ProcessInfo.processInfo.environment["SENANI_BENCH_EXPORT_FILE"]
        for line in try ChatExportBenchmark.run(messages: count, file: file) { print(line) }
    } catch {
        print("chat export benchmark failed: \(error)")
    }
}

if section("chart") {
    print("digest chart (target: one 40-thana render < 250 ms)")
    for line in chartBenchmark() { print(line) }
}

if section("records") {
    print("records (targets: import >= 5,000 messages/s; export >= 100,000 rows/s, peak RSS flat at 1,000,000 reports)")
    do {
        let messages = ProcessInfo.processInfo.environment["SENANI_BENCH_IMPORT_MESSAGES"].flatMap { Int($0) } ?? 200_000
        let reports = ProcessInfo.processInfo.environment["SENANI_BENCH_EXPORT_REPORTS"].flatMap { Int($0) } ?? 1_000_000
        for line in try await RecordsBenchmark.run(importMessages: messages, exportReports: reports) { print(line) }
    } catch {
        print("records benchmark failed: \(error)")
    }
}

if section("digest") {
    print("digest (targets: a district's digest <= 200 ms and the scheduler's next-due query <= 1 ms at 1,000,000 reports)")
    let count = ProcessInfo.processInfo.environment["SENANI_BENCH_DIGEST_REPORTS"].flatMap { Int($0) } ?? 1_000_000
    do {
        for line in try await DigestBenchmark.run(count: count) { print(line) }
    } catch {
        print("digest benchmark failed: \(error)")
    }
}
