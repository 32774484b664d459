import Foundation

/// The statistical half of the analysis: multinomial logistic regression over `Features`, five classes
/// (not a tip, then the four tip categories). Weights come from `ModelWeights.generated.swift`, written by
/// `swift run senani-train` from the training corpus; they are stored as integers (weight x 10 000) so the file is
/// reproducible byte for byte.
struct LogisticModel: Sendable {
    /// Class order of every weight row.
    static let classes: [TipCategory] = [.none, .liquor, .wantedCriminal, .electionDisturbance, .other]
    static let scale = 10_000.0

    var bias: [Double]
    /// Feature id -> row index into `weights` (5 per row).
    var index: HashIndex
    var weights: [Float]

    static let shared = LogisticModel(text: modelWeightsText)
    /// The tips-only category model, nil when the weights file was trained without one.
    static let sharedCategory: LogisticModel? = {
        let m = LogisticModel(text: categoryWeightsText)
        return m.isEmpty ? nil : m
    }()

    /// Whether no weights were loaded.
    var isEmpty: Bool { index.count == 0 }

    init(text: String) {
        bias = [Double](repeating: 0, count: 5)
        index = HashIndex(capacity: text.utf8.count / 40)
        weights = []
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            lines += 1
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let name = line[..<tab]
            let numbers = line[line.index(after: tab)...].split(separator: " ").compactMap { Int($0) }
            guard numbers.count == 5 else { continue }
            if name == "bias" {
                bias = numbers.map { Double($0) / LogisticModel.scale }
                continue
            }
            index.insert(FNV.hash(String(name)), Int32(weights.count / 5))
            weights += numbers.map { Float(Double($0) / LogisticModel.scale) }
        }
        _ = lines
    }

    /// Class probabilities in `classes` order.
    func probabilities(_ v: FeatureVector, prior: [Double] = [0, 0, 0, 0, 0]) -> [Double] {
        var z = zip(bias, prior).map { $0 + $1 }
        for (k, id) in v.ids.enumerated() {
            guard let row = index.get(id) else { continue }
            let base = Int(row) * 5
            let x = v.values[k]
            for c in 0..<5 { z[c] += x * Double(weights[base + c]) }
        }
        return LogisticModel.softmax(z)
    }

    /// Per-class contribution of one feature id (for explaining a decision).
    func weight(_ id: UInt64, _ c: Int) -> Double {
        guard let row = index.get(id) else { return 0 }
        return Double(weights[Int(row) * 5 + c])
    }

    static func softmax(_ z: [Double]) -> [Double] {
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// Approximate bytes the loaded table holds (keys, row indices, weights, dictionary overhead).
    var approximateBytes: Int { index.bytes + weights.count * 4 }
}
