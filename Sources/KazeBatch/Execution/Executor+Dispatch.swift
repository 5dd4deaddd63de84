// Executor+Dispatch: the sending loop — rows streamed from the input, at most `concurrency`
// in flight, rows of one subject (a card, an email, a card number) strictly in input order,
// one finished before the next starts. In a state-changing batch other than recharge, a row
// left in doubt holds back the later rows of its subject until it is reconciled: a later
// status change, PIN or closure would make its reconciliation read the wrong state, and
// sending it after them would undo them.

import Foundation
import KazeProtocol

extension Executor {
    /// Sends every row of `source` that needs sending (see `needsSending`), `expected` being
    /// how many that is (for progress), then reconciles the rows that became UNKNOWN. Rows held
    /// back behind a row in doubt are sent in another pass once reconciliation decided it.
    /// - Throws: when the input cannot be read or the journal cannot be written.
    public func execute(_ source: any BatchSource, expected: Int) async throws {
        progress = RunProgress(total: expected)
        started = clock.now()
        var held = Int.max
        while true {
            if holdsSubjectsInDoubt, options.retryFailed || options.resendUnknown { try findLatestSendPerSubject() }
            let stillHeld = try await dispatch(source)
            guard journalStop == nil, !stopRequested else { return }  // a stop leaves in-doubt rows to the resume
            try await reconcileInDoubt()
            guard stillHeld > 0, stillHeld < held, haltReason == nil else { break }
            held = stillHeld
        }
    }

    /// One pass over the input: sends what needs sending and returns how many rows were held
    /// back behind a row of their subject that is in doubt.
    private func dispatch(_ source: any BatchSource) async throws -> Int {
        var heldRows = 0
        let feed = RecordFeed(source: source, buffer: options.concurrency * 2)
        let stream = feed.start()
        defer { feed.cancel() }
        let concurrency = max(1, options.concurrency)
        let admitted = concurrency + max(0, options.maxWaitingRows)
        try await withThrowingTaskGroup(of: Int.self) { group in
            var gate = SubjectGate<ValidRecord>()
            var ready: [(ticket: Int, item: ValidRecord)] = []
            var running: [Int: ValidRecord] = [:]
            var held: Set<String> = []
            var input = stream.makeAsyncIterator()
            var inputEnded = false
            while true {
                _ = stopRequested
                while running.count < concurrency, haltReason == nil, !ready.isEmpty {
                    let (ticket, record) = ready.removeFirst()
                    guard held.isDisjoint(with: subjectKeys(record)) else {
                        heldRows += 1  // not sent in this pass: an earlier row of its subject is in doubt
                        ready += gate.finish(ticket)
                        continue
                    }
                    group.addTask {
                        try await self.processUntilStopped(record)
                        return ticket
                    }
                    running[ticket] = record
                }
                let mustWait = gate.count >= admitted || (running.count >= concurrency && !ready.isEmpty)
                if !inputEnded, haltReason == nil, !mustWait || running.isEmpty {
                    guard let item = try await input.next() else {
                        inputEnded = true
                        continue
                    }
                    feed.taken()
                    guard case .valid(let record) = item else { continue }
                    guard needsSending(record.line) else {
                        if holdsSubjectsInDoubt, index.summary(record.line)?.isInDoubt == true {
                            held.formUnion(subjectKeys(record))
                        }
                        continue
                    }
                    let (ticket, isReady) = gate.admit(record, keys: subjectKeys(record))
                    if isReady { ready.append((ticket, record)) }
                    continue
                }
                guard !running.isEmpty, let ticket = try await group.next() else { break }
                if let record = running.removeValue(forKey: ticket), holdsSubjectsInDoubt,
                    index.summary(record.line)?.isInDoubt == true
                {
                    held.formUnion(subjectKeys(record))
                }
                ready += gate.finish(ticket)
            }
        }
        return heldRows
    }

    /// True for the state-changing operations whose rows of one subject must not pass a row
    /// in doubt: all but recharge (recharges of one card add up in any order) and reads.
    var holdsSubjectsInDoubt: Bool { !operation.isReadOnly && operation != .recharge }

    /// The subjects a row touches: rows sharing one are sent in input order, one at a time.
    /// Read-only rows touch none.
    func subjectKeys(_ record: ValidRecord) -> [String] {
        guard !operation.isReadOnly else { return [] }
        let email = record.body.text("email").map { Executor.emailKey($0) }
        switch operation {
        case .kyc: return [email].compactMap { $0 }
        case .assign: return [email, record.body.text("cardNumber").map { "cardNumber " + $0 }].compactMap { $0 }
        default: return [record.cardID.map { Executor.cardKey($0) }].compactMap { $0 }
        }
    }

    /// The subjects of a journaled row, as far as the journal names them (the card, or the
    /// email; never a full card number).
    func subjectKeys(_ row: RowRecord) -> [String] {
        guard !operation.isReadOnly else { return [] }
        switch operation {
        case .kyc, .assign: return [row.email.map(Executor.emailKey)].compactMap { $0 }
        default: return [row.cardID.map(Executor.cardKey)].compactMap { $0 }
        }
    }

    static func cardKey(_ cardID: String) -> String { "card " + cardID }
    static func emailKey(_ email: String) -> String { "email " + email.lowercased() }

    /// Notes, per subject, the last input line that was ever sent, so that a resend of an
    /// earlier row can tell it would come after a later row of its subject.
    /// - Throws: `JournalError.io` when an entry cannot be read back.
    private func findLatestSendPerSubject() throws {
        for summary in index.rows where summary.attempts > 0 {
            guard let row = try index.record(summary.line) else { continue }
            for key in subjectKeys(row) { latestSendPerSubject[key] = max(latestSendPerSubject[key] ?? 0, row.line) }
        }
    }
}
