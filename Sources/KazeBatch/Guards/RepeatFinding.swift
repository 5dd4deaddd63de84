// RepeatFinding: the valid records of a batch that another batch of the same file already did,
// may have done, or may still do — how many, the first one, and which batch — and the
// operator's message refusing to do them twice.

/// Records of a batch that repeat rows another batch of the same file did or started.
public struct RepeatFinding: Sendable, Equatable {
    /// How many valid records match another batch's row.
    public internal(set) var matches = 0
    /// The first matching record's line in this file.
    public let line: Int
    /// Its subject as shown (`SB000041 USD 7.01`, an email, a card ID; never a card number).
    public let subject: String
    /// The other batch.
    public let batch: BatchRef
    /// True when this batch resumes and `batch` was made after it.
    public let resuming: Bool

    /// The refusal, naming `input` as the operator wrote it: what was found, which rows,
    /// which batch, and only ways out that do nothing twice (or say that they would).
    public func message(input: String) -> String {
        let rows = matches == 1 ? "1 of its rows (line \(line), \(subject))" : "\(matches) of its rows (first: line \(line), \(subject))"
        let them = matches == 1 ? "that row" : "those rows"
        let found =
            resuming
            ? "\(input) is an unfinished batch, and batch \(batch.shortID) of the same file, made after it"
                + " (\(batch.info.createdMinute)), has since done or started \(rows); resuming would do \(them) twice."
                + " Leave this batch unfinished and put only the rows still to do in a new file (batch"
                + " \(batch.shortID)'s results show what it did)"
            : "\(input) was run before as batch \(batch.shortID) (\(batch.info.createdMinute)) and has changed since;"
                + " \(rows) \(matches == 1 ? "was" : "were") done, may have been, or may still be by that batch"
                + " (SUCCEEDED, in doubt or started). A changed file is a new batch, so running it would do \(them) twice."
                + " Remove \(them) from the file (batch \(batch.shortID)'s results show what it did)"
        return found + ", or, only if \(them) must really be done again, pass --allow-repeat (it sends \(them) a second time);"
            + " nothing was sent"
    }

    /// Counts `record` when it is a valid record whose subject another batch in `repeatGuard`
    /// did or started; starts a finding at the first.
    static func note(_ record: CheckedRecord, against repeatGuard: RepeatGuard, into finding: inout RepeatFinding?) {
        guard record.issues.isEmpty else { return }
        let subject = RepeatSubject(record)
        guard let key = subject.key(for: repeatGuard.operation),
            let batch = repeatGuard.batch(doing: key, line: record.line)
        else { return }
        if finding == nil {
            finding = RepeatFinding(
                line: record.line, subject: subject.text(for: repeatGuard.operation), batch: batch,
                resuming: repeatGuard.resuming)
        }
        finding?.matches += 1
    }
}
