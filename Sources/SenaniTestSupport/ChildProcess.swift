import Foundation

/// A real process started from a test: output goes to files (a pipe nobody reads could fill and stall it),
/// and the test can signal it and wait for it with a bound.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `process` is configured before `run()` and afterwards only read through Foundation's own
    // thread-safe accessors (isRunning, terminationStatus, processIdentifier); the output paths are immutable.
    private let process = Process()
    public let stdoutPath: String
    public let stderrPath: String

    public init(executable: String, arguments: [String], environment: [String: String], directory: TemporaryDirectory) throws {
        let tag = UUID().uuidString.prefix(6)
        stdoutPath = directory.file("stdout-\(tag).log")
        stderrPath = directory.file("stderr-\(tag).log")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the exit and returns its status; throws when it does not come within `timeout`.
    @discardableResult
    public func waitForExit(timeout: Duration = .seconds(20)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                signal(SIGKILL)
                throw WaitTimeout(what: "process \(pid) to exit")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return process.terminationStatus
    }

    public var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// A bounded wait that ran out.
public struct WaitTimeout: Error, CustomStringConvertible {
    public var what: String

    public init(what: String) {
        self.what = what
    }

    public var description: String { "timed out waiting for \(what)" }
}

/// Polls `condition` every few milliseconds until it holds; throws after `timeout`. The bounded alternative to a sleep.
public func waitUntil(
    _ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw WaitTimeout(what: what) }
        try await Task.sleep(for: .milliseconds(10))
    }
}

/// Where `swift build` put the products next to the running test bundle.
public enum BuiltProducts {
    public static func path(_ name: String) -> String {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].compactMap { $0 }
        for directory in candidates {
            let path = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return candidates[0].appendingPathComponent(name).path
    }
}
