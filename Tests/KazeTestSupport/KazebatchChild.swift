// KazebatchChild: the built `kazebatch` run as a child process with arguments, environment,
// working folder and stdin; its output drained in the background; waits bounded, then SIGKILL.

import Foundation

/// One running (or finished) `kazebatch` child process.
public final class KazebatchChild: @unchecked Sendable {
    /// The underlying process (pid, signals, `isRunning`).
    public let process: Process
    private let output: PipeReader
    private let errors: PipeReader
    private let exited = DispatchSemaphore(value: 0)

    /// Starts `kazebatch arguments...` in `directory` (default: the current one), with `environment`
    /// added to the inherited one and `stdin` as its standard input (default: empty); `executable`
    /// replaces this package's build (another version's binary).
    public init(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], stdin: Data? = nil,
        executable: URL? = nil
    ) throws {
        process = Process()
        process.executableURL = try executable ?? KazebatchBinary.require()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let exited = exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        output = PipeReader(out)
        errors = PipeReader(err)
        if let stdin { Self.feed(stdin, to: input.fileHandleForWriting) }
    }

    /// Runs `kazebatch arguments...` to completion (killed after `limit` seconds).
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        stdin: Data? = nil, limit: Double = 120, executable: URL? = nil
    ) throws -> ChildResult {
        try KazebatchChild(arguments, in: directory, environment: environment, stdin: stdin, executable: executable)
            .wait(limit: limit)
    }

    /// The first line it writes to stdout, waiting at most `limit` seconds.
    public func firstLine(limit: Double = 20) -> String { output.firstLine(limit: limit) }

    /// Sends `signal` (SIGTERM, SIGINT, SIGKILL...) if it is still running.
    public func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits up to `limit` seconds for it to end (SIGKILL after that) and returns the result.
    @discardableResult
    public func wait(limit: Double = 120) -> ChildResult {
        var timedOut = false
        if process.isRunning, exited.wait(timeout: .now() + limit) == .timedOut {
            timedOut = true
            send(SIGKILL)
        }
        process.waitUntilExit()
        return ChildResult(
            status: process.terminationStatus, reason: process.terminationReason,
            stdout: output.text(limit: 10), stderr: errors.text(limit: 10), timedOut: timedOut)
    }

    /// SIGTERM, then SIGKILL if it has not ended within `grace` seconds.
    @discardableResult
    public func stop(grace: Double = 10) -> ChildResult {
        send(SIGTERM)
        return wait(limit: grace)
    }

    /// Writes `data` to the child's stdin on a background thread, then closes it.
    private static func feed(_ data: Data, to handle: FileHandle) {
        signal(SIGPIPE, SIG_IGN)
        Thread {
            try? handle.write(contentsOf: data)
            try? handle.close()
        }.start()
    }
}
