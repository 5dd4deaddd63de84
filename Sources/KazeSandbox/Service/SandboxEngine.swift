// SandboxEngine: the one guarded copy of the state. Runs an operation under a lock (settling
// what time has made due first), optionally deduplicates by requestNo, and marks the state
// dirty for StatePersister.

import Foundation
import KazeProtocol

/// Applies operations to the sandbox state, one at a time.
final class SandboxEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var state: SandboxState
    private let dedupe: Bool
    /// True when the state changed since the last `takeIfDirty()`.
    private var dirty = true
    /// With `dedupe`: the first result of each requestNo, keyed with what it asked.
    private var seen: [String: (request: [UInt8], result: OperationResult)] = [:]

    init(state: SandboxState, dedupe: Bool) {
        self.state = state
        self.dedupe = dedupe
    }

    /// Performs `operation` with the decrypted `plain` body at time `now`.
    func perform(_ operation: APIOperation, body: JSONObject, plain: [UInt8], requestNo: String, now: Date)
        -> OperationResult
    {
        lock.withLock {
            var changed = state.advance(to: now)
            defer { if changed { dirty = true } }
            let key = Array(operation.apiCode.utf8) + [0] + plain
            if dedupe, let earlier = seen[requestNo] {
                return earlier.request == key
                    ? earlier.result : .error(.duplicateRequest, "requestNo was already used with different content")
            }
            let result: OperationResult
            do {
                result = try Self.dispatch(operation, Fields(body: body), RequestContext(now: now, requestNo: requestNo), &state)
            } catch let failure as SandboxFailure {
                result = .error(failure.code, failure.detail)
            } catch {
                result = .error(.systemError, "unexpected failure")
            }
            if case .error = result {} else if !operation.isReadOnly { changed = true }
            if dedupe { seen[requestNo] = (key, result) }
            return result
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

    private static func dispatch(
        _ operation: APIOperation, _ fields: Fields, _ context: RequestContext, _ state: inout SandboxState
    ) throws -> OperationResult {
        switch operation {
        case .kyc: try state.submitKyc(fields, context)
        case .kycStatus: try state.kycStatus(fields)
        case .assign: try state.assign(fields, context)
        case .activate: try state.activate(fields)
        case .setPin: try state.setPin(fields)
        case .card: try state.queryCard(fields)
        case .balance: try state.balance(fields)
        case .recharge: try state.recharge(fields, context)
        case .transactions: try state.listTransactions(fields)
        case .setStatus: try state.setStatus(fields)
        case .close: try state.close(fields, context)
        }
    }
}
