import Foundation
import SenaniBot

/// A one-line progress bar on a terminal, redrawn in place at most ten times a second. Only when stdout is a
/// terminal: piped or redirected output gets the summary alone.
final class ProgressBar: @unchecked Sendable {
    // @unchecked: `lastDraw` and `drawn` are touched only by the one import thread that calls `show`, and by
    // `clear` after that thread has finished (the continuation that ends the import orders the two).
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var drawn = false
    private let width = 30

    static func forStandardOutput() -> ProgressBar? {
        isatty(STDOUT_FILENO) == 1 ? ProgressBar() : nil
    }

    func show(_ progress: ChatImport.Progress) {
        let now = ContinuousClock.now
        let done = progress.bytesRead >= progress.fileSize
        guard done || now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        let fraction = progress.fileSize > 0 ? min(1, Double(progress.bytesRead) / Double(progress.fileSize)) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = String(Int(fraction * 100)).leftPad(3)
        let line = "\(progress.phase.rawValue.leftPad(9)) [\(bar)] \(percent)%  \(megabytes(progress.bytesRead))"
            + "/\(megabytes(progress.fileSize)) MB  \(progress.messagesRead) messages"
        write("\r\u{1B}[K" + line)
        drawn = true
    }

    /// Removes the bar so the summary starts on a clean line.
    func clear() {
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    private func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
