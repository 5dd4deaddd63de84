// SandboxEngine: the one guarded copy of the state. Runs an operation under a lock (settling
// what time has made due first), answers repeated requestNos from the memory when dedupe is
// on, accepts late commits, and — with a state file — logs what changed before answering.

import Foundation
import KazeCrypto
import KazeProtocol
import KazeSync

/// One API request as the engine runs it.
struct OperationRequest: Sendable {
    var operation: APIOperation
    /// The decrypted business body.
    var body: JSONObject
    var requestNo: String
    /// A recharge settles to FAILED (`--recharge-fail-rate`).
    var rechargeFails = false
}

/// Applies operations to the sandbox state, one at a time.
final class SandboxEngine: Sendable {
    private let core: Locked<Core>
    private let counts: FaultCounts
    /// The operation log (with `--state`).
    private let log: OperationLog?

    /// The state, and the log's bookkeeping: its last entry's number, entries since the last
    /// compaction began, and the last error appending to it.
    private struct Core {
        var state: SandboxState
        var lastEntry: Int
        var entriesSinceCompaction = 0
        var logError: SandboxStateError?
    }

    /// An engine over `state`; with `log`, every change is logged, numbered after `lastEntry`.
    init(state: SandboxState, counts: FaultCounts, log: OperationLog? = nil, lastEntry: Int = 0) {
        var state = state
        _ = state.takeChanges()
        core = Locked(Core(state: state, lastEntry: lastEntry))
        self.counts = counts
        self.log = log
    }

    /// The last error appending to the log, if any.
    var persistenceError: SandboxStateError? { core.withLock { $0.logError } }

    /// Log entries written since the last compaction began, and how many records (users,
    /// cards, transactions) a snapshot would hold.
    var backlog: (entries: Int, records: Int) {
        core.withLock { ($0.entriesSinceCompaction, $0.state.users.count + $0.state.cards.count + $0.state.transactions.count) }
    }

    /// The platform clock's reading at the real moment `real`.
    func platformNow(real: Date) -> Date { core.withLock { $0.state.rules.clock.now(real: real) } }

    /// Replaces the rules (delays, clock, page cap, dedupe mode) from now on.
    func update(rules: PlatformRules) { core.withLock { $0.state.rules = rules } }

    /// Performs `request` at the real moment `now`.
    func perform(_ request: OperationRequest, now: Date) -> OperationResult {
        durably { state in
            state.advance(to: now)
            let digest = Self.digestIfRemembering(request, in: state)
            if let digest, let answer = state.rememberedAnswer(request.requestNo, digest: digest) {
                counts.record(.dedupe)
                return answer
            }
            let context = state.context(now: now, requestNo: request.requestNo, rechargeFails: request.rechargeFails)
            let result = state.run(request.operation, request.body, context)
            state.remember(request.requestNo, digest: digest, operation: request.operation, result: result)
            return result
        }
    }

    /// Accepts `request` for a late commit at `dueAt` (it is checked now, applied then).
    /// - Returns: true when it will commit; false for a read, a repeat the memory refuses, or an
    ///   operation that would fail.
    func acceptLate(_ request: OperationRequest, now: Date, dueAt: Date) -> Bool {
        durably { state in
            state.advance(to: now)
            let digest = Self.digestIfRemembering(request, in: state)
            if let digest, state.rememberedAnswer(request.requestNo, digest: digest) != nil {
                counts.record(.dedupe)
                return false
            }
            return state.acceptLate(
                request.operation, body: request.body, requestNo: request.requestNo, digest: digest,
                rechargeFails: request.rechargeFails, now: now, dueAt: dueAt)
        }
    }

    /// The whole state as JSON, after settling what is due at `now`.
    func snapshot(now: Date) -> JSONValue {
        durably { state in
            state.advance(to: now)
            return state.json
        }
    }

    /// Starts a compaction: sets the log aside and returns a copy of the state (copy-on-write:
    /// cheap) with the number of its last log entry; `nil` when nothing was logged since the
    /// last one, unless `always`.
    func beginCompaction(always: Bool = false) -> (state: SandboxState, lastEntry: Int)? {
        core.withLock { core in
            guard always || core.entriesSinceCompaction > 0 else { return nil }
            do {
                try log?.setAside()
            } catch let error as SandboxStateError {
                core.logError = error
            } catch {}
            core.entriesSinceCompaction = 0
            return (core.state, core.lastEntry)
        }
    }

    /// Runs `body` on the state under the lock, logs what it changed, and flushes the log to
    /// disk (outside the lock, so concurrent requests share flushes) before returning its result.
    private func durably<Result>(_ body: (inout SandboxState) -> Result) -> Result {
        let (result, logged) = core.withLock { core -> (Result, Bool) in
            let result = body(&core.state)
            let changed = core.state.takeChanges()
            guard let log, !changed.isEmpty else { return (result, false) }
            core.lastEntry += 1
            core.entriesSinceCompaction += 1
            do {
                try log.append(core.state.logEntry(core.lastEntry, changed).compactBytes + [0x0A])
            } catch let error as SandboxStateError {
                core.logError = error
            } catch {}
            return (result, true)
        }
        if logged { log?.sync() }
        return result
    }

    /// The memory digest of `request` when dedupe is on: SHA-256 of the apiCode, a zero byte
    /// and the body with its secrets redacted (a hash of a six-digit PIN would give it away).
    private static func digestIfRemembering(_ request: OperationRequest, in state: SandboxState) -> String? {
        guard state.rules.dedupe != .off else { return nil }
        let body = JSONValue.object(SecretFields.redact(request.body)).compactBytes
        return Hex.encode(SHA256.hash(Array(request.operation.apiCode.utf8) + [0] + body))
    }
}
