import DigestChart
import Foundation

/// The SP's digest chart: the first render in a fresh process (fontconfig loads its cache, pango opens the fonts)
/// and the typical time of one render of a 40-thana district (the largest), with the PNG's size. The thread's CPU time
/// is printed beside the wall time because on a shared machine the wall time mostly measures the neighbours.
func chartBenchmark(thanas: Int = 40, runs: Int = 10) -> [String] {
    let data = chartBenchmarkDistrict(thanas: thanas)
    let clock = ContinuousClock()
    var times: [Duration] = []
    var cpuTimes: [Double] = []
    var bytes = 0
    do {
        for _ in 0...runs {
            let start = clock.now
            let cpuStart = threadCPUMilliseconds()
            bytes = try DigestChart.renderPNG(data).count
            cpuTimes.append(threadCPUMilliseconds() - cpuStart)
            times.append(clock.now - start)
        }
    } catch {
        return ["digest chart benchmark failed: \(error)"]
    }
    let first = times.removeFirst()
    let firstCPU = cpuTimes.removeFirst()
    let sorted = times.sorted()
    let sortedCPU = cpuTimes.sorted()
    let milliseconds = { (duration: Duration) -> String in
        let ms = Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
        return tenths(ms)
    }
    return [
        "digest chart (\(thanas) thanas, 1000 px wide, \(runs) renders after a first one)",
        "  first render (cold fonts)  \(milliseconds(first)) ms, CPU \(tenths(firstCPU)) ms",
        "  median render              \(milliseconds(sorted[sorted.count / 2])) ms, "
            + "CPU \(tenths(sortedCPU[sortedCPU.count / 2])) ms   (target < 250 ms)",
        "  slowest render             \(milliseconds(sorted[sorted.count - 1])) ms",
        "  PNG size                   \(bytes / 1024) KiB",
    ]
}

private func tenths(_ value: Double) -> String { String((value * 10).rounded() / 10) }

/// CPU time of the calling thread (a render runs on one thread), in milliseconds.
private func threadCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

/// A reproducible district: Devanagari names, every category, a spread of medians and some thanas with none.
private func chartBenchmarkDistrict(thanas count: Int) -> DigestChartData {
    let names = [
        "खगड़िया सदर", "महिला थाना", "चौथम", "बेलदौर", "परबत्ता", "गोगरी", "मानसी", "अलौली", "मुफस्सिल",
        "चित्रगुप्त नगर",
    ]
    let thanas = (0..<count).map { index in
        let seed = (index * 37 + 11) % 23
        return DigestChartData.ThanaBars(
            name: "\(names[index % names.count]) \(index + 1)",
            counts: [
                .liquor: seed % 9 + 1, .wantedCriminal: seed % 5, .electionDisturbance: seed % 3, .other: seed % 4,
            ],
            medianMinutesToAcknowledge: index % 6 == 5 ? nil : Double([4, 12, 27, 45, 95, 190, 610, 3100][seed % 8]))
    }
    return DigestChartData(
        title: "खगड़िया — दैनिक सूचना सारांश", subtitle: "24 नवंबर 2026, पिछले 24 घंटे", thanas: thanas,
        categoryLabels: .init(
            liquor: "शराब", wantedCriminal: "वांछित अपराधी", electionDisturbance: "चुनावी गड़बड़ी", other: "अन्य"),
        language: .hindi)
}
