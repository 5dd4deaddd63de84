// SandboxEngine: the one guarded copy of the state. Runs an operation under a lock (settling
// what time has made due first), answers repeated requestNos from the memory when dedupe is
// on, accepts late commits, and marks the state dirty for StatePersister.

import Foundation
import KazeCrypto
import KazeProtocol

/// One API request as the engine runs it.
struct OperationRequest: Sendable {
    var operation: APIOperation
    /// The decrypted business body.
    var body: JSONObject
    /// The decrypted body's bytes (what the requestNo memory compares).
    var plain: [UInt8]
    var requestNo: String
    /// A recharge settles to FAILED (`--recharge-fail-rate`).
    var rechargeFails = false
}

/// Applies operations to the sandbox state, one at a time.
final class SandboxEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var state: SandboxState
    private let counts: FaultCounts
    /// True when the state changed since the last `takeIfDirty()`.
    private var dirty = true

    init(state: SandboxState, counts: FaultCounts) {
        self.state = state
        self.counts = counts
    }

    /// The platform clock's reading at the real moment `real`.
    func platformNow(real: Date) -> Date { lock.withLock { state.rules.clock.now(real: real) } }

    /// Replaces the rules (delays, clock, page cap, dedupe mode) from now on.
    func update(rules: PlatformRules) { lock.withLock { state.rules = rules } }

    /// Performs `request` at the real moment `now`.
    func perform(_ request: OperationRequest, now: Date) -> OperationResult {
        lock.withLock {
            var changed = state.advance(to: now)
            defer { if changed { dirty = true } }
            let digest = digestIfRemembering(request)
            if let digest, let answer = state.rememberedAnswer(request.requestNo, digest: digest) {
                counts.record(.dedupe)
                return answer
            }
            let context = state.context(now: now, requestNo: request.requestNo, rechargeFails: request.rechargeFails)
            let result = state.run(request.operation, request.body, context)
            state.remember(request.requestNo, digest: digest, operation: request.operation, result: result)
            if digest != nil || (!request.operation.isReadOnly && result.isCommitted) { changed = true }
            return result
        }
    }

    /// Accepts `request` for a late commit at `dueAt` (it is checked now, applied then).
    /// - Returns: true when it will commit; false for a read, a repeat the memory refuses, or an
    ///   operation that would fail.
    func acceptLate(_ request: OperationRequest, now: Date, dueAt: Date) -> Bool {
        lock.withLock {
            if state.advance(to: now) { dirty = true }
            let digest = digestIfRemembering(request)
            if let digest, state.rememberedAnswer(request.requestNo, digest: digest) != nil {
                counts.record(.dedupe)
                return false
            }
            let accepted = state.acceptLate(
                request.operation, body: request.body, requestNo: request.requestNo, digest: digest,
                rechargeFails: request.rechargeFails, now: now, dueAt: dueAt)
            if accepted { dirty = true }
            return accepted
        }
    }

    /// The whole state as JSON, after settling what is due at `now`.
    func snapshot(now: Date) -> JSONValue {
        lock.withLock {
            if state.advance(to: now) { dirty = true }
            return state.json
        }
    }

    /// A copy of the state when it changed since the last call (copy-on-write: cheap), else `nil`.
    func takeIfDirty() -> SandboxState? {
        lock.withLock {
            guard dirty else { return nil }
            dirty = false
            return state
        }
    }

    /// The memory digest of `request` (apiCode, a zero byte, the body) when dedupe is on.
    private func digestIfRemembering(_ request: OperationRequest) -> String? {
        guard state.rules.dedupe != .off else { return nil }
        return Hex.encode(SHA256.hash(Array(request.operation.apiCode.utf8) + [0] + request.plain))
    }
}
