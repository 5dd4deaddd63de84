// BatchRunner: one `run` or `reconcile` of a batch from start to end — lock, journal read
// back, in-doubt rows reconciled first, rows sent, results and audit written, summary.

import Foundation
import KazeProtocol

/// Everything one run of a batch needs.
public struct BatchRunner: Sendable {
    /// The batch's operation.
    public var operation: APIOperation
    /// The batch id (state folder name).
    public var batchID: String
    /// The records, read afresh for each pass.
    public var source: any BatchSource
    /// The platform client.
    public var api: any CardAPI
    /// Rates, retries, resends, halting.
    public var options: ExecutionOptions
    /// The batch's state folder (journal, lock).
    public var folder: StateFolder
    /// Where the results CSV goes.
    public var resultsPath: String
    /// The errors CSV validation wrote for this run, recorded as the batch's with the results
    /// (nil keeps the one recorded before: `reconcile` writes none).
    public var errorsPath: String?
    /// The audit CSV to append to.
    public var auditPath: String
    /// The `time` of results rows never journaled (INVALID, never sent): when the input was validated.
    public var validationTime = Timestamp.text()
    /// The time source for pacing and backoff.
    public var clock: any PacingClock = SystemPacingClock()
    /// A fresh unique requestNo per call.
    public var makeRequestNo: @Sendable () -> String
    /// Called after every finished row.
    public var onProgress: (@Sendable (RunProgress) -> Void)?
    /// The input file, recorded in the folder's batch.json (when missing) so a later batch of
    /// an edited copy of it can tell what this one paid; nil writes no batch.json.
    public var inputPath: String?
    /// The guards `run` passed before validating; guard 2 (another batch of the same file
    /// running) is checked again once this run holds the batch's lock and its batch.json is
    /// written, so a batch of the file started meanwhile sees this one. Nil checks nothing.
    public var preflight: BatchPreflight?
    /// Signs the audit file's checkpoints (the merchant key); nil writes none.
    public var auditSigner: AuditSigner?
    /// `run --settle`: one settle pass over the batch's pending recharges at the end.
    public var settleAtEnd = false
    /// A request to stop early (a signal, the input changing): no new row starts, rows in
    /// flight finish, results are written, and the summary carries the reason.
    public var stopRequest: StopRequest?

    /// A runner; `clock` and `onProgress` may be set afterwards.
    public init(
        operation: APIOperation, batchID: String, source: any BatchSource, api: any CardAPI,
        options: ExecutionOptions, folder: StateFolder, resultsPath: String, auditPath: String,
        makeRequestNo: @escaping @Sendable () -> String
    ) {
        self.operation = operation
        self.batchID = batchID
        self.source = source
        self.api = api
        self.options = options
        self.folder = folder
        self.resultsPath = resultsPath
        self.auditPath = auditPath
        self.makeRequestNo = makeRequestNo
    }

    /// Runs the batch: reconciles in-doubt rows, sends what needs sending, writes results.
    /// - Parameter scan: the validation pass already made (record counts).
    /// - Throws: `JournalError.locked` when another run holds the batch,
    ///   `BatchGuardError.otherBatchRunning` when another batch of the file runs; journal,
    ///   audit, output and input errors.
    public func run(scan: ValidationSummary) async throws -> RunResult {
        try await withExecutor { executor in
            try await executor.reconcileInDoubt()
            let finished = await executor.rowsNotToSend()
            try await executor.execute(source, expected: max(0, scan.records - scan.invalid - finished))
            if settleAtEnd { try await executor.settle(wait: 0) }
        }
    }

    /// Only settles the batch's SUCCEEDED recharges whose transaction was pending (see
    /// `Executor.settle`), for up to `wait` seconds, then rewrites the results.
    public func settle(wait: Double) async throws -> RunResult {
        try await withExecutor { executor in try await executor.settle(wait: wait) }
    }

    /// Only reconciles the batch's in-doubt rows, then rewrites the results.
    public func reconcile() async throws -> RunResult {
        try await withExecutor { executor in try await executor.reconcileInDoubt() }
    }

    /// Opens the batch (lock, journal index, audit file with the journal's missing events
    /// recovered), runs `body` and writes the results. When the journal or audit file cannot
    /// be written the run stops: the results are still written, and the summary carries the
    /// stop (exit 7).
    /// - Throws: `JournalStop` when the audit file cannot be written before anything is sent,
    ///   or the results cannot be written after a stop; journal, audit, output, input errors.
    private func withExecutor(_ body: (Executor) async throws -> Void) async throws -> RunResult {
        try folder.create()
        let lock = try BatchLock(path: folder.lockPath)
        defer { lock.release() }
        if let inputPath { try BatchInfo(operation: operation, inputPath: inputPath).recordIfMissing(in: folder) }
        try preflight?.refuseWhileAnotherBatchRuns()
        let index = try JournalIndex.load(path: folder.journalPath)
        let audit = try AuditLog(path: auditPath, signer: auditSigner, batch: batchID)
        let journal = try Journal(path: folder.journalPath, audit: audit)
        let writer = try ResultsWriter(path: resultsPath, operation: operation)  // before sending: an unwritable path stops here
        let recovered: Int
        do { recovered = try audit.recover(batch: batchID, operation: operation, journal: index) } catch let error as AuditError {
            throw JournalStop(failure: error, requests: 0)
        }
        let otherClaims = operation.movesMoney ? try StateDirClaims.load(besides: folder) : StateDirClaims()
        let executor = Executor(
            operation: operation, batchID: batchID, api: api, journal: journal, index: index,
            options: options, clock: clock, makeRequestNo: makeRequestNo, onProgress: onProgress,
            otherClaims: otherClaims, clockRecordPath: folder.path + "/" + PlatformClockRecord.fileName,
            stopRequest: stopRequest)
        let ticker = Task { [audit] in await audit.checkpointWhileWaiting() }
        do { try await body(executor) } catch {
            ticker.cancel()
            guard await executor.journalStop != nil else { throw error }
        }
        ticker.cancel()
        await executor.seal(audit, stateDir: folder.stateRoot)
        let stop = await executor.journalStop
        var summary: RunSummary
        do {
            summary = try ResultsPass.run(source: source, index: await executor.index, writer: writer, validationTime: validationTime)
        } catch {
            guard var stop else { throw error }
            stop.resultsProblem = "\(error)"
            throw stop
        }
        try BatchOutputs(results: resultsPath, errors: errorsPath ?? BatchOutputs.read(folder: folder)?.errors).record(in: folder)
        if operation.isReadOnly { try keepSnapshotCopy() }
        summary.haltReason = stop == nil ? await executor.haltReason : nil
        summary.journalStop = stop
        summary.stopReason = stopRequest?.reason
        return RunResult(
            summary: summary, auditHead: audit.head.hash, auditCheckpoint: audit.lastCheckpoint,
            tornJournalLine: index.hadTornLine, recoveredAuditRows: recovered, settle: await executor.settleTally)
    }

    /// Copies a read-only batch's results into its folder (`Snapshot.resultsFileName`): the
    /// results path holds the latest snapshot, each folder keeps its own.
    /// - Throws: `OutputError.io`.
    private func keepSnapshotCopy() throws {
        let copy = folder.path + "/" + Snapshot.resultsFileName
        do {
            if FileManager.default.fileExists(atPath: copy) { try FileManager.default.removeItem(atPath: copy) }
            try FileManager.default.copyItem(atPath: resultsPath, toPath: copy)
        } catch {
            throw OutputError.io(path: copy, reason: "cannot keep the snapshot's copy of the results: \(error.localizedDescription)")
        }
    }
}
