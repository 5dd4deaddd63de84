// PipeReader: drains one pipe of a child process on a background thread, so the child never
// blocks on a full pipe, and hands out its first line or all of it, each wait bounded.

import Foundation

/// Everything read so far from a pipe, and whether the writer closed it.
final class PipeReader: @unchecked Sendable {
    private var bytes: [UInt8] = []
    private var finished = false
    private let condition = NSCondition()

    /// Starts reading `pipe` until end of file.
    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread { [self] in
            while true {
                let chunk = handle.availableData
                condition.lock()
                if chunk.isEmpty { finished = true } else { bytes += chunk }
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { return }
            }
        }.start()
    }

    /// The first line (without its newline) once it is complete or the pipe closed, or what was
    /// read when `limit` seconds have passed.
    func firstLine(limit: Double) -> String {
        let line = waitFor(limit: limit) { $0.contains(UInt8(ascii: "\n")) }
        return String(decoding: line.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    }

    /// Everything once the pipe closed, or what was read when `limit` seconds have passed.
    func text(limit: Double) -> String {
        String(decoding: waitFor(limit: limit) { _ in false }, as: UTF8.self)
    }

    private func waitFor(limit: Double, _ enough: ([UInt8]) -> Bool) -> [UInt8] {
        let deadline = Date().addingTimeInterval(limit)
        condition.lock()
        defer { condition.unlock() }
        while !finished && !enough(bytes) && condition.wait(until: deadline) {}
        return bytes
    }
}
