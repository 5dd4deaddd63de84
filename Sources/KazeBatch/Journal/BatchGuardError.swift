// BatchGuardError: why `run` refuses to start a batch before sending anything — the guards
// against doing rows twice across batches of one input file.

/// A refusal by the guards of `BatchPreflight`, written for the operator.
public enum BatchGuardError: EngineError, Sendable, Equatable {
    /// The file has the bytes of another file that already ran: it would resume that batch.
    case sameContents(input: String, batch: BatchRef)
    /// Another batch of the same input file is running now (it holds its lock).
    case otherBatchRunning(input: String, batch: BatchRef, holder: String)
    /// A batch of the same input file (or the state dir itself) cannot be read, so what it
    /// did is unknown.
    case unreadable(input: String, path: String, reason: String)

    /// `.locked` while another batch of the file runs (try again later); otherwise the file
    /// cannot be run as it is.
    public var verdict: RunVerdict {
        if case .otherBatchRunning = self { return .locked }
        return .unusable
    }

    public var description: String {
        switch self {
        case .sameContents(let input, let batch):
            "\(input) has the same contents as \(batch.info.input), which ran as batch \(batch.shortID)"
                + " (\(batch.info.createdMinute)): identical files are one batch, so this run would resume that batch and"
                + " send nothing it already sent. To resume that batch, run it under its first name. Only if these rows"
                + " must really be done again (the same payments on another day), make the file differ, for example refs"
                + " carrying the date: that sends every row again; nothing was sent"
        case .otherBatchRunning(let input, let batch, let holder):
            "batch \(batch.shortID) of the same file \(batch.info.input) (made \(batch.info.createdMinute)) is running now"
                + " (\(holder)); running another batch of \(input) at the same time could do rows twice. Wait for it to"
                + " finish, then run this again (rows that batch did or started are then refused); nothing was sent"
        case .unreadable(let input, let path, let reason):
            "cannot tell what another batch of \(input) did: \(path) \(reason). Make it readable again: kazebatch must"
                + " know what that batch did or started before sending rows it may repeat; nothing was sent"
        }
    }
}
