import Foundation
import SenaniStore

/// `reports export`: reports streamed from the store's cursor to a file descriptor (stdout) in buffered chunks,
/// as JSON lines or CSV (byte-order mark and header first, CRLF line ends as RFC 4180 has them). Memory is the
/// buffer and one report, whatever the count.
public final class ReportExport: @unchecked Sendable {  // used by one thread at a time (see `run`)
    /// The two shapes an export takes.
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv
    }

    /// Why an export stopped early.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// The `errno` of the failed write.
        public var code: Int32
        public var description: String { "cannot write the export: " + String(cString: strerror(code)) }
    }

    private let format: Format
    private let descriptor: Int32
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    /// Reports written so far.
    public private(set) var count = 0
    /// The first failed write; nothing more is written after it.
    public private(set) var failure: WriteError?

    /// Writes to `descriptor` (not closed here) in chunks of about `chunkSize` bytes.
    public init(format: Format, descriptor: Int32 = STDOUT_FILENO, chunkSize: Int = 256 << 10) {
        self.format = format
        self.descriptor = descriptor
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + (64 << 10))
        if format == .csv {
            buffer.append(contentsOf: (ReportFormats.csvHeader() + "\r\n").utf8)
        }
    }

    /// Exports every report matching `filter`, oldest first; returns how many. Throws `StoreError` when the store
    /// fails and `WriteError` when the output does (a full disk, a closed pipe).
    @discardableResult
    public static func run(store: Store, filter: ReportFilter, format: Format, descriptor: Int32 = STDOUT_FILENO) throws -> Int {
        let export = ReportExport(format: format, descriptor: descriptor)
        // The cursor decodes reports here while a second thread formats and writes them, 256 at a time; at most
        // four batches wait, so memory stays flat.
        let handoff = BatchHandoff<Report>(capacity: 4)
        let written = DispatchSemaphore(value: 0)
        let writer = Thread {
            while let batch = handoff.take() {
                for report in batch where !export.append(report) {
                    handoff.stop()
                    break
                }
            }
            written.signal()
        }
        writer.start()
        var batch: [Report] = []
        batch.reserveCapacity(256)
        do {
            defer {
                if !batch.isEmpty { _ = handoff.put(batch) }
                handoff.finish()
                written.wait()
            }
            try store.eachReport(filter) { report in
                batch.append(report)
                guard batch.count == 256 else { return true }
                defer { batch.removeAll(keepingCapacity: true) }
                return handoff.put(batch)
            }
        }
        try export.finish()
        return export.count
    }

    /// Adds one report; false once a write failed (stop feeding it).
    public func append(_ report: Report) -> Bool {
        switch format {
        case .jsonl:
            ReportFormats.appendJSON(report, to: &buffer)
            buffer.append(0x0A)
        case .csv:
            ReportFormats.appendCSVRow(report, to: &buffer)
            buffer.append(contentsOf: [0x0D, 0x0A])
        }
        count += 1
        if buffer.count >= chunkSize { flush() }
        return failure == nil
    }

    /// Writes what is buffered; throws the first write failure.
    public func finish() throws(WriteError) {
        flush()
        if let failure { throw failure }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        let failed: Int32? = buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failed { failure = WriteError(code: failed) }
        buffer.removeAll(keepingCapacity: true)
    }
}
