import ArgumentParser
import Foundation
import SenaniBot

#if os(Linux)
@_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Runs the command and maps failures to the interface's exit codes: 2 for usage, 1 for runtime, each with one
/// line on stderr.
@main
enum Main {
    static func main() async {
        // Before anything else: a SIGTERM in the first moments must stop the process cleanly, not kill it.
        EarlySignals.install()
        // glibc gives threads that malloc arenas of their own, each keeping its freed memory: two are enough here
        // (2 MB less peak RSS under the intake benchmark).
        #if os(Linux)
        _ = glibcMallopt(-8, 2)  // M_ARENA_MAX (malloc.h), which Glibc's Swift module does not export
        #endif
        do {
            var command = try SenaniCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            fail(error.message, code: error.exitCode)
        } catch {
            let code = SenaniCommand.exitCode(for: error)
            if code == .success {
                // --help, --version: the parser's full text is the answer.
                print(SenaniCommand.fullMessage(for: error))
                exit(0)
            }
            let message = SenaniCommand.message(for: error)
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
            let isUsage = code == .validationFailure || error is ValidationError
            fail(firstLine.replacingOccurrences(of: "Error: ", with: ""), code: isUsage ? 2 : 1)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("senani: \(message)\n".utf8))
        exit(code)
    }
}

/// A failure with the exit code the interface promises.
struct CLIError: Error {
    var message: String
    var exitCode: Int32

    static func usage(_ message: String) -> CLIError { CLIError(message: message, exitCode: 2) }
    static func runtime(_ message: String) -> CLIError { CLIError(message: message, exitCode: 1) }
}
