import Foundation
import TipAnalysis

// senani-train: trains the tip model from the corpus and writes Sources/TipAnalysis/ModelWeights.generated.swift.
//   swift run senani-train                      train from Tests/TipAnalysisTests/Corpus/train
//   swift run senani-train --extra FILE...      the same plus extra labelled JSON lines (officers' corrections from
//                                               `senani corpus export`); an extra line whose text is already in the
//                                               corpus replaces that line's labels. The weights then no longer match
//                                               the corpus alone, so the retraining test fails until they are reverted.
//   swift run senani-train --eval [DIR]         print held-out metrics (default Corpus/test) and the mistakes
//   swift run senani-train --cv DIR [show]      4-fold cross-validation over DIR/*.jsonl (each fold's model calibrated
//                                               by its own inner cross-validation)
//   swift run senani-train --classify TEXT...   print the analysis of each TEXT as JSON
//   swift run senani-train --split SRC_DIR      split SRC_DIR/*.jsonl into Corpus/train and Corpus/test
//                                               (every 4th line of each part, 1-based 4, 8, ..., is held out)
// Run from the package root.

let corpusRoot = "Tests/TipAnalysisTests/Corpus"
let weightsPath = "Sources/TipAnalysis/ModelWeights.generated.swift"

func load(_ directory: String) throws -> [LabelledMessage] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }.sorted()
    return try names.flatMap { try loadFile(directory + "/" + $0) }
}

/// One JSON-lines file; a bad line stops the program with its file and line number.
func loadFile(_ path: String) throws -> [LabelledMessage] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var out: [LabelledMessage] = []
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        do {
            out.append(try JSONDecoder().decode(LabelledMessage.self, from: Data(line.utf8)))
        } catch {
            FileHandle.standardError.write(Data("senani-train: \(path):\(n + 1): \(error)\n".utf8))
            exit(1)
        }
    }
    return out
}

/// The corpus with `extra` merged in: an extra message with the text of a corpus message replaces it.
func merged(_ corpus: [LabelledMessage], _ extra: [LabelledMessage]) -> [LabelledMessage] {
    let replaced = Set(extra.map(\.text))
    return corpus.filter { !replaced.contains($0.text) } + extra
}

let arguments = Array(CommandLine.arguments.dropFirst())

/// Training options from `key=value` arguments (epochs, lr, l2, df); others are ignored.
func parseOptions(_ args: ArraySlice<String>) -> ModelTrainer.Options {
    var options = ModelTrainer.Options()
    for kv in args {
        let p = kv.split(separator: "=")
        guard p.count == 2, let v = Double(p[1]) else { continue }
        switch p[0] {
        case "epochs": options.epochs = Int(v)
        case "lr": options.learningRate = v
        case "l2": options.l2 = v
        case "df": options.minDocumentFrequency = Int(v)
        case "two": options.twoStage = v != 0
        case "recall": options.recallTarget = v
        case "precision": options.precisionTarget = v
        case "folds": options.folds = Int(v)
        case "avg": options.averageFrom = v
        default: break
        }
    }
    return options
}
do {
    if arguments.first == "--classify" {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for text in arguments.dropFirst() {
            print(String(decoding: try encoder.encode(TipAnalyzer().analyze(text)), as: UTF8.self))
        }
    } else if arguments.first == "--split", arguments.count > 1 {
        let names = try FileManager.default.contentsOfDirectory(atPath: arguments[1]).filter { $0.hasSuffix(".jsonl") }.sorted()
        for sub in ["train", "test"] {
            try FileManager.default.createDirectory(atPath: corpusRoot + "/" + sub, withIntermediateDirectories: true)
        }
        for name in names {
            let lines = try String(contentsOfFile: arguments[1] + "/" + name, encoding: .utf8).split(separator: "\n")
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            var train = "", test = ""
            for (i, line) in lines.enumerated() {
                if i % 4 == 3 { test += line + "\n" } else { train += line + "\n" }
            }
            try train.write(toFile: corpusRoot + "/train/" + name, atomically: true, encoding: .utf8)
            try test.write(toFile: corpusRoot + "/test/" + name, atomically: true, encoding: .utf8)
            print("\(name): \(lines.count) lines")
        }
    } else if arguments.first == "--experiment" {
        // train on Corpus/train with the options given as key=value, evaluate on Corpus/test, nothing written
        let options = parseOptions(arguments.dropFirst())
        let source = ModelTrainer.generatedSource(try load(corpusRoot + "/train").map(\.trainingExample), options: options)
        let report = EvaluationReport(try load(corpusRoot + "/test"), analyzer: TipAnalyzer(generatedWeightsSource: source))
        func f(_ x: Double) -> String { String((x * 1000).rounded() / 1000) }
        let perCategory = TipCategory.tipCategories.map { f(report.categoryF1[$0] ?? 0) }.joined(separator: " ")
        print(arguments.dropFirst().joined(separator: " "), "macro", f(report.categoryMacroF1), "(\(perCategory)) recall",
              f(report.realTipRecall), "precision", f(report.tipPrecision), "possible", f(report.possibleShare), "ece",
              f(report.expectedCalibrationError), "labels", f(report.labelsExactAccuracy))
    } else if arguments.first == "--cv", arguments.count > 1 {
        // 4-fold cross-validation over SRC_DIR/*.jsonl (fold = line index mod 4 in each file): an honest estimate
        // on folds nobody tuned the lexicon against
        let names = try FileManager.default.contentsOfDirectory(atPath: arguments[1]).filter { $0.hasSuffix(".jsonl") }.sorted()
        var folds = [[LabelledMessage]](repeating: [], count: 4)
        var alwaysTrain: [LabelledMessage] = []  // seed_*.jsonl: hand-written training messages, never scored
        for name in names {
            let text = try String(contentsOfFile: arguments[1] + "/" + name, encoding: .utf8)
            for (i, line) in text.split(separator: "\n").filter({ !$0.isEmpty }).enumerated() {
                let m = try JSONDecoder().decode(LabelledMessage.self, from: Data(line.utf8))
                if name.hasPrefix("seed_") { alwaysTrain.append(m) } else { folds[i % 4].append(m) }
            }
        }
        func f(_ x: Double) -> String { String((x * 1000).rounded() / 1000) }
        for k in 0..<4 {
            let train = ((0..<4).filter { $0 != k }.flatMap { folds[$0] } + alwaysTrain).map(\.trainingExample)
            let source = ModelTrainer.generatedSource(train, options: parseOptions(arguments.dropFirst(2)))
            let report = EvaluationReport(folds[k], analyzer: TipAnalyzer(generatedWeightsSource: source))
            let perCategory = TipCategory.tipCategories.map { f(report.categoryF1[$0] ?? 0) }.joined(separator: " ")
            print("fold \(k): macro \(f(report.categoryMacroF1)) (\(perCategory)) recall \(f(report.realTipRecall)) precision \(f(report.tipPrecision)) possible \(f(report.possibleShare)) ece \(f(report.expectedCalibrationError)) lang \(f(report.languageAccuracy)) phone \(f(report.phoneF1)) vehicle \(f(report.vehicleF1)) labels \(f(report.labelsExactAccuracy))")
            if arguments.contains("show") { report.mistakes.forEach { print("  " + $0) } }
        }
    } else if arguments.first == "--eval" {
        let dir = arguments.count > 1 ? arguments[1] : corpusRoot + "/test"
        let report = EvaluationReport(try load(dir))
        report.mistakes.forEach { print($0) }
        report.table().forEach { print($0) }
    } else {
        var extra: [LabelledMessage] = []
        var rest = arguments[...]
        while let first = rest.first {
            guard first == "--extra", rest.count > 1 else {
                FileHandle.standardError.write(Data("senani-train: unknown argument \(first)\n".utf8))
                exit(2)
            }
            extra += try loadFile(rest[rest.index(after: rest.startIndex)])
            rest = rest.dropFirst(2)
        }
        let examples = merged(try load(corpusRoot + "/train"), extra).map(\.trainingExample)
        let source = ModelTrainer.generatedSource(examples)
        try source.write(toFile: weightsPath, atomically: true, encoding: .utf8)
        print("trained on \(examples.count) messages -> \(weightsPath) (\(source.utf8.count) bytes)")
    }
} catch {
    FileHandle.standardError.write(Data("senani-train: \(error)\n".utf8))
    exit(1)
}
