// RecordPrefetcher: reads and splits records on a background thread, a few batches ahead of the
// validator, so parsing and checking run side by side. Batches are recycled (constant memory);
// order, errors and early stops behave exactly as reading in line would.

import Foundation

/// Runs a RecordSource on its own thread and hands its records over in order.
///
/// The source belongs to the reading thread once started; the caller only sees finished batches.
/// All shared state is guarded by `condition`, which makes the type safe to share.
final class RecordPrefetcher: @unchecked Sendable {
    /// Records per batch.
    static let batchSize = 1024
    /// Filled batches that may wait for the validator.
    static let maxReady = 3

    private struct Batch {
        var records = [RawRecord](repeating: RawRecord(), count: RecordPrefetcher.batchSize)
        var count = 0
    }

    /// The source, owned by the reading thread once started.
    private final class SourceBox: @unchecked Sendable {
        let next: (inout RawRecord) throws -> Bool
        init<Source: RecordSource>(_ source: Source) {
            var source = source
            next = { try source.next(into: &$0) }
        }
    }

    private let condition = NSCondition()
    private var ready: [Batch] = []
    private var spare: [Batch] = []
    private var ended = false
    private var failure: (any Error)?
    private var stopped = false
    private var readerExited = false

    /// Starts reading `source` on a new thread.
    init<Source: RecordSource>(source: Source) {
        let box = SourceBox(source)
        ReaderThread.start { [self] in
            defer { locked { readerExited = true } }
            read(from: box)
        }
    }

    /// Calls `body` with every record in order, then throws the reader's error if it had one.
    /// Whatever happens, returns only after the reading thread has stopped.
    func forEach(_ body: (RawRecord) throws -> Void) throws {
        defer { stopAndWait() }
        while var batch = takeReady() {
            for index in 0..<batch.count { try body(batch.records[index]) }
            batch.count = 0
            locked { spare.append(batch) }
        }
        if let failure = locked({ self.failure }) { throw failure }
    }

    private func read(from box: SourceBox) {
        do {
            while true {
                var batch = locked { spare.popLast() } ?? Batch()
                var atEnd = false
                while batch.count < Self.batchSize {
                    guard try box.next(&batch.records[batch.count]) else { atEnd = true; break }
                    batch.count += 1
                }
                if batch.count > 0, !push(batch) { return }
                if atEnd { break }
            }
            finish(with: nil)
        } catch {
            finish(with: error)
        }
    }

    /// Queues a batch, waiting while enough are ready; false when the validator has stopped.
    private func push(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= Self.maxReady, !stopped { condition.wait() }
        guard !stopped else { return false }
        ready.append(batch)
        condition.broadcast()
        return true
    }

    private func takeReady() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty, !ended { condition.wait() }
        guard !ready.isEmpty else { return nil }
        condition.broadcast()
        return ready.removeFirst()
    }

    private func finish(with error: (any Error)?) {
        locked {
            ended = true
            failure = error
        }
    }

    private func stopAndWait() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !readerExited { condition.wait() }
        condition.unlock()
    }

    private func locked<Result>(_ body: () -> Result) -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return body()
    }
}
