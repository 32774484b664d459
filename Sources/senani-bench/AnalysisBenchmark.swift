import Foundation
import TipAnalysis

/// Tip analysis speed and memory: analyses per second on one core for typical 1-3 line messages, the time per
/// intake-style tip (as `IntakeBenchmark` sends them), the time for one 10,000-character message, and the model's
/// memory (table estimate and measured resident-set growth on load). Times per message also come as process CPU
/// time, which another job on a shared machine disturbs less than wall time.
func analysisBenchmark() -> [String] {
    let typical = [
        "गांव रामपुर में दारू बिक रही है सर",
        "Sir hamare tola me bhathi chal rahi hai roj raat, Ramesh ke ghar ke piche",
        "फरार अपराधी मुकेश यादव अभी अपने ससुराल में छिपा है, नंबर 9876543210",
        "जय हिंद सर 🙏",
        "good morning sir ji",
        "बूथ संख्या 112 पर कब्जा करने की तैयारी है, बाहर के लड़के हथियार लेकर आए हैं",
        "पुलिस ने छापेमारी कर 200 लीटर शराब जब्त की और दो धंधेबाजों को गिरफ्तार किया",
        "Illegal liquor is being sold near the school every night, pickup BR 34 AB 1234",
        "[23/11, 10:42 pm] Ramesh: आज रात 10 बजे पिकअप से 50 पेटी अंग्रेजी शराब उतरेगी\nशिव मंदिर के पीछे",
        "mukhiya ji ke log raat me vote ke liye paisa baant rahe hai, booth no 45",
        "धन्यवाद सर",
        "स्कूल के पीछे रोज शाम जुआ खेला जाता है, बड़े पैसे का",
    ]
    let analyzer = TipAnalyzer()
    var lines: [String] = []
    let rssBefore = residentBytes()
    let clock = ContinuousClock()
    let load = clock.measure { TipAnalyzer.warmUp() }
    let rssAfter = residentBytes()

    for text in typical { _ = analyzer.analyze(text) }
    var count = 0
    var sink = 0
    let rounds = 3_000
    let elapsed = clock.measure {
        for _ in 0..<rounds {
            for text in typical {
                sink &+= analyzer.analyze(text).evidence.count
                count += 1
            }
        }
    }
    let perSecond = Double(count) / seconds(elapsed)
    let typicalCPU = cpuMicroseconds {
        for _ in 0..<300 { for text in typical { sink &+= analyzer.analyze(text).evidence.count } }
    } / Double(300 * typical.count)

    // Tips as the intake benchmark sends them (Hinglish, one line, a place, a time, a deed and a name).
    let intake = (0..<2_000).map(IntakeBenchmark.tip)
    for text in intake.prefix(100) { sink &+= analyzer.analyze(text).evidence.count }
    let intakeRounds = 5
    let intakeElapsed = clock.measure {
        for _ in 0..<intakeRounds { for text in intake { sink &+= analyzer.analyze(text).evidence.count } }
    }
    let intakeCPU = cpuMicroseconds { for text in intake { sink &+= analyzer.analyze(text).evidence.count } }
        / Double(intake.count)

    var long = ""
    var k = 0
    while long.unicodeScalars.count < 10_000 {
        long += typical[k % typical.count] + "\n"
        k += 1
    }
    long = String(String.UnicodeScalarView(long.unicodeScalars.prefix(10_000)))
    _ = analyzer.analyze(long)
    let longRuns = 50
    let longElapsed = clock.measure { for _ in 0..<longRuns { sink &+= analyzer.analyze(long).places.count } }

    var huge = ""
    while huge.utf8.count < 100_000 { huge += long }
    let hugeElapsed = clock.measure { for _ in 0..<5 { sink &+= analyzer.analyze(huge).phones.count } }

    lines.append("tip analysis (one core, \(count) analyses of \(typical.count) typical messages)")
    lines.append("  analyses/s                 \(Int(perSecond))   (target >= 20000)")
    lines.append("  mean per message           \(format(seconds(elapsed) / Double(count) * 1e6)) us   (CPU \(format(typicalCPU)) us)")
    lines.append("  intake-style tips          \(format(seconds(intakeElapsed) / Double(intakeRounds * intake.count) * 1e6)) us"
        + "   (CPU \(format(intakeCPU)) us; \(intake.count) tips of `IntakeBenchmark.tip`)")
    lines.append("  10,000-character message   \(format(seconds(longElapsed) / Double(longRuns) * 1e3)) ms   (target < 5 ms)")
    lines.append("  100 KB message             \(format(seconds(hugeElapsed) / 5 * 1e3)) ms   (linear: about 10x the 10,000-character time or less)")
    lines.append("  model + lexicon load       \(format(seconds(load) * 1e3)) ms")
    lines.append("  model features             \(TipAnalyzer.modelFeatureCount)")
    lines.append("  model memory (tables)      \(format(Double(TipAnalyzer.approximateModelBytes) / 1_048_576)) MB   (target <= 20 MB)")
    if let before = rssBefore, let after = rssAfter {
        lines.append("  model memory (RSS growth)  \(format(Double(after - before) / 1_048_576)) MB")
    }
    if sink == 42 { lines.append("") }  // keeps the work from being optimised away
    return lines
}

private func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// CPU time of this process (user + system) that `work` took, in microseconds: steadier than wall time on a shared
/// machine.
private func cpuMicroseconds(_ work: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e6 + Double(t.tv_nsec) / 1e3
    }
    let start = now()
    work()
    return now() - start
}

private func format(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return String(r)
}

/// Resident set size from /proc/self/statm (Linux); nil elsewhere.
private func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
