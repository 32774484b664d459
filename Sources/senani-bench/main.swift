// `swift build -c release && .build/release/senani-bench`: throughput and memory, printed for the notes.
// Not a test: numbers vary with the machine; targets are stated next to them.

print("senani-bench (targets: intake >= 5,000 tips/s with RSS <= 60 MB)")
do {
    for line in try await IntakeBenchmark.run() { print(line) }
} catch {
    print("intake benchmark failed: \(error)")
}
