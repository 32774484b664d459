import Foundation

// `swift build -c release && .build/release/senani-bench`: throughput and memory, printed for the notes.
// Not a test: numbers vary with the machine; targets are stated next to them.

print("senani-bench")
print("analysis (targets: >= 20,000 analyses/s on one core; 10,000 characters < 5 ms; model <= 20 MB)")
for line in analysisBenchmark() { print(line) }
print("repeat linking (targets: distinct tips linked <= 0.5%, true repeats linked >= 90%)")
for line in repeatBenchmark() { print(line) }

print("intake (targets: >= 5,000 tips/s with RSS <= 60 MB)")
let count = ProcessInfo.processInfo.environment["SENANI_BENCH_TIPS"].flatMap { Int($0) } ?? 20_000
if count == 0 {
    print("  skipped (SENANI_BENCH_TIPS=0)")
    exit(0)
}
do {
    // A district has 15–40 thanas; fewer groups means more reports per thana for the duplicate search to scan.
    let groups = ProcessInfo.processInfo.environment["SENANI_BENCH_GROUPS"].flatMap { Int($0) } ?? 40
    for line in try await IntakeBenchmark.run(count: count, groups: groups) { print(line) }
} catch {
    print("intake benchmark failed: \(error)")
}
