// RecordFeed: turns a synchronous record source into an async stream with a small bounded
// buffer, so the executor reads the file at the pace it sends (constant memory).

import Foundation

/// One streaming pass over a `BatchSource`, read on its own thread.
///
/// `@unchecked Sendable`: the reader thread waits for room, so the counters live under an
/// `NSCondition` (a wait needs a condition, which `Locked` does not offer) and are touched
/// only while it is locked.
final class RecordFeed: @unchecked Sendable {
    private let source: any BatchSource
    private let condition = NSCondition()
    private var free: Int
    private var cancelled = false

    /// - Parameters:
    ///   - source: the records.
    ///   - buffer: how many records may be read ahead of the consumer.
    init(source: any BatchSource, buffer: Int) {
        self.source = source
        free = max(1, buffer)
    }

    /// Starts reading; the consumer must call `taken()` after receiving each record.
    func start() -> AsyncThrowingStream<ValidationResult, Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ValidationResult.self)
        continuation.onTermination = { [weak self] _ in self?.cancel() }
        let thread = Thread { [self] in
            do {
                try source.forEachRecord { record in
                    guard waitForSlot() else { throw FeedStopped() }
                    continuation.yield(record)
                }
                continuation.finish()
            } catch is FeedStopped {
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.start()
        return stream
    }

    /// Frees one buffer slot (call once per received record).
    func taken() {
        condition.lock()
        free += 1
        condition.signal()
        condition.unlock()
    }

    /// Stops reading; the reader thread ends at its next record.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private struct FeedStopped: Error {}

    /// Blocks the reader thread until the consumer has room; false once cancelled.
    private func waitForSlot() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while free == 0 && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        free -= 1
        return true
    }
}
