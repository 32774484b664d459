import Foundation
import SenaniTestSupport

/// Runs the real `senani` binary in a temp folder and returns its exit status and output.
struct CLI {
    let directory: TemporaryDirectory
    var environment: [String: String] = ["PATH": "/usr/bin:/bin", "HOME": "/tmp"]

    init() throws {
        directory = try TemporaryDirectory("senani-cli")
    }

    var database: String { directory.file("senani.sqlite") }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]) async throws -> Result {
        var arguments = arguments
        if !arguments.contains("--db") && !arguments.contains("--help") { arguments += ["--db", database] }
        var env = environment
        env.merge(extra) { _, new in new }
        if let stdin {
            let input = directory.file("stdin-\(UUID().uuidString.prefix(6)).txt")
            try stdin.write(toFile: input, atomically: true, encoding: .utf8)
            env["SENANI_TEST_STDIN"] = input
            let shell = try ChildProcess(
                executable: "/bin/sh",
                arguments: ["-c", "exec \"$0\" \"$@\" < \"$SENANI_TEST_STDIN\"", BuiltProducts.path("senani")] + arguments,
                environment: env, directory: directory)
            let status = try await shell.waitForExit(timeout: .seconds(30))
            return Result(status: status, stdout: shell.stdout, stderr: shell.stderr)
        }
        let process = try ChildProcess(
            executable: BuiltProducts.path("senani"), arguments: arguments, environment: env, directory: directory)
        let status = try await process.waitForExit(timeout: .seconds(30))
        return Result(status: status, stdout: process.stdout, stderr: process.stderr)
    }

    /// The exact bytes a command wrote to stdout.
    func runRaw(_ arguments: [String]) async throws -> Data {
        let process = try ChildProcess(
            executable: BuiltProducts.path("senani"), arguments: arguments + ["--db", database], environment: environment,
            directory: directory)
        _ = try await process.waitForExit(timeout: .seconds(30))
        return try Data(contentsOf: URL(fileURLWithPath: process.stdoutPath))
    }

    /// A district KHG with thanas KHG-SADAR (group -1001234567890) and KHG-GOGRI.
    func seed() async throws {
        try await run(["district", "add", "--code", "KHG", "--name", "Khagaria"])
        try await run(["thana", "add", "--code", "KHG-SADAR", "--district", "KHG", "--name", "Sadar", "--chat-id", "-1001234567890"])
        try await run(["thana", "add", "--code", "KHG-GOGRI", "--district", "KHG", "--name", "Gogri", "--chat-id=-1001234567891"])
    }
}
