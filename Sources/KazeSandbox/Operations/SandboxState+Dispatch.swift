// SandboxState+Dispatch: runs one operation by its apiCode, turning a handler's failure into
// the error result the platform answers.

import Foundation
import KazeProtocol

extension SandboxState {
    /// The context of a request committing at the real moment `now`.
    func context(now: Date, requestNo: String, rechargeFails: Bool) -> RequestContext {
        RequestContext(now: now, platformNow: rules.clock.now(real: now), requestNo: requestNo, rechargeFails: rechargeFails)
    }

    /// Runs `operation` with `body` in `context`.
    mutating func run(_ operation: APIOperation, _ body: JSONObject, _ context: RequestContext) -> OperationResult {
        let fields = Fields(body: body)
        do {
            switch operation {
            case .kyc: return try submitKyc(fields, context)
            case .kycStatus: return try kycStatus(fields)
            case .assign: return try assign(fields, context)
            case .activate: return try activate(fields)
            case .setPin: return try setPin(fields)
            case .card: return try queryCard(fields)
            case .balance: return try balance(fields)
            case .recharge: return try recharge(fields, context)
            case .transactions: return try listTransactions(fields)
            case .setStatus: return try setStatus(fields)
            case .close: return try close(fields, context)
            }
        } catch let failure as SandboxFailure {
            return .error(failure.code, failure.detail)
        } catch {
            return .error(.systemError, "unexpected failure")
        }
    }
}
