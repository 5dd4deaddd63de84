// SandboxEngine: the one guarded copy of the state. Runs an operation under a lock (settling
// what time has made due first), optionally deduplicates by requestNo, and persists changes.

import Foundation
import KazeProtocol

/// Applies operations to the sandbox state, one at a time.
final class SandboxEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var state: SandboxState
    private let stateFile: StateFile?
    private let dedupe: Bool
    /// With `dedupe`: the first result of each requestNo, keyed with what it asked.
    private var seen: [String: (request: [UInt8], result: OperationResult)] = [:]
    /// The last persistence error; the sandbox keeps serving meanwhile.
    private var lastPersistenceError: SandboxStateError?

    init(state: SandboxState, stateFile: StateFile?, dedupe: Bool) {
        self.state = state
        self.stateFile = stateFile
        self.dedupe = dedupe
    }

    /// Performs `operation` with the decrypted `plain` body at time `now`.
    func perform(_ operation: APIOperation, body: JSONObject, plain: [UInt8], requestNo: String, now: Date)
        -> OperationResult
    {
        lock.withLock {
            var changed = state.advance(to: now)
            defer { if changed { persist() } }
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
            if state.advance(to: now) { persist() }
            return state.json
        }
    }

    /// The last error writing the state file, `nil` after a successful write.
    var persistenceError: SandboxStateError? { lock.withLock { lastPersistenceError } }

    /// Writes the state file now (used at stop).
    func flush() {
        lock.withLock { persist() }
    }

    private func persist() {
        guard let stateFile else { return }
        do {
            try stateFile.save(state)
            lastPersistenceError = nil
        } catch let error as SandboxStateError {
            lastPersistenceError = error
        } catch {
            lastPersistenceError = SandboxStateError(path: stateFile.path, problem: "\(error)")
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
