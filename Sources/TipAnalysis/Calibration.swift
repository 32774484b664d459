import Foundation

/// Turns the model's raw tip score into a calibrated probability and a three-way decision.
///
/// Both are fitted at training time on out-of-fold scores (k-fold cross-validation over the training corpus), so
/// they describe how the model does on messages it has not seen, not on the ones it memorised:
/// - Platt scaling: P(tip) = sigmoid(a * s + b), where s is the model's log-odds of tip.
/// - `possibleThreshold`: the highest P(tip) that still keeps the recall of real tips (tip or possible tip) at the
///   target; `tipThreshold`: the lowest P(tip) at which tips alone reach the precision target.
public struct Calibration: Sendable, Hashable {
    public var a: Double
    public var b: Double
    /// P(tip) at or above which a message is at least a possible tip.
    public var possibleThreshold: Double
    /// P(tip) at or above which a message is a tip.
    public var tipThreshold: Double

    public init(a: Double = 1, b: Double = 0, possibleThreshold: Double = 0.3, tipThreshold: Double = 0.5) {
        self.a = a
        self.b = b
        self.possibleThreshold = possibleThreshold
        self.tipThreshold = tipThreshold
    }

    /// Calibrated P(tip) for the model's log-odds `s`.
    @inline(__always)
    public func probability(_ s: Double) -> Double { 1 / (1 + exp(-(a * s + b))) }

    /// The decision for a calibrated P(tip).
    public func decision(_ p: Double) -> TipDecision {
        p >= tipThreshold ? .tip : p >= possibleThreshold ? .possibleTip : .notTip
    }

    static let scale = 10_000.0

    /// Parses the generated `calibrationText` ("platt a b", "thresholds possible tip", values x 10 000); nil when absent.
    init?(text: String) {
        var values: [String: [Double]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard parts.count == 3, let x = Int(parts[1]), let y = Int(parts[2]) else { continue }
            values[String(parts[0])] = [Double(x) / Calibration.scale, Double(y) / Calibration.scale]
        }
        guard let platt = values["platt"], let t = values["thresholds"] else { return nil }
        self.init(a: platt[0], b: platt[1], possibleThreshold: t[0], tipThreshold: t[1])
    }

    /// The generated form.
    var text: String {
        func q(_ x: Double) -> Int { Int((x * Calibration.scale).rounded()) }
        return "platt\t\(q(a)) \(q(b))\nthresholds\t\(q(possibleThreshold)) \(q(tipThreshold))\n"
    }

    /// Fits Platt's sigmoid to scores `s` with labels `y` by Newton's method on the log loss, with Platt's smoothed
    /// targets (so a perfectly separated fold does not push the slope to infinity). Deterministic.
    static func fitPlatt(_ s: [Double], _ y: [Bool]) -> (a: Double, b: Double) {
        let positives = Double(y.filter { $0 }.count), negatives = Double(y.count) - positives
        let hi = (positives + 1) / (positives + 2), lo = 1 / (negatives + 2)
        var a = 1.0, b = 0.0
        for _ in 0..<100 {
            var gA = 0.0, gB = 0.0, hAA = 1e-9, hAB = 0.0, hBB = 1e-9
            for (x, label) in zip(s, y) {
                let p = 1 / (1 + exp(-(a * x + b)))
                let t = label ? hi : lo
                let d = p - t, w = max(p * (1 - p), 1e-12)
                gA += d * x
                gB += d
                hAA += w * x * x
                hAB += w * x
                hBB += w
            }
            let det = hAA * hBB - hAB * hAB
            guard det > 1e-12 else { break }
            let dA = (hBB * gA - hAB * gB) / det, dB = (hAA * gB - hAB * gA) / det
            a -= dA
            b -= dB
            if abs(dA) < 1e-10 && abs(dB) < 1e-10 { break }
        }
        return (a, b)
    }

    /// Thresholds for calibrated probabilities `p` with labels `y`: the possible-tip threshold keeps recall of real
    /// tips >= `recall`; the tip threshold is the lowest above which precision of tips stays >= `precision` (and at
    /// least the possible threshold).
    static func thresholds(_ p: [Double], _ y: [Bool], recall: Double, precision: Double) -> (possible: Double, tip: Double) {
        let positives = zip(p, y).filter { $0.1 }.map(\.0).sorted()
        guard !positives.isEmpty else { return (0.5, 0.5) }
        let misses = Int((Double(positives.count) * (1 - recall)).rounded(.down))
        // halfway (in log-odds) to the next lower positive score, so the threshold is not fitted to one message
        let at = positives[min(misses, positives.count - 1)]
        let below = misses > 0 ? positives[misses - 1] : at * 0.5
        let possible = max(0.001, sigmoid((logit(at) + logit(below)) / 2))
        // the lowest threshold above which precision stays at the target all the way up
        let ranked = zip(p, y).filter { $0.0 >= possible }.sorted { $0.0 > $1.0 }
        var tip = 1.0, tp = 0, fp = 0, k = 0
        while k < ranked.count {
            let t = ranked[k].0
            while k < ranked.count && ranked[k].0 == t {
                if ranked[k].1 { tp += 1 } else { fp += 1 }
                k += 1
            }
            if Double(tp) / Double(tp + fp) < precision { break }
            tip = t
        }
        return (possible, max(tip, possible))
    }

    static func logit(_ p: Double) -> Double {
        let q = min(max(p, 1e-9), 1 - 1e-9)
        return log(q / (1 - q))
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}

extension Calibration {
    /// The calibration trained with the committed weights (defaults when the weights file has none).
    static let shared = Calibration(text: calibrationText) ?? Calibration()
}
