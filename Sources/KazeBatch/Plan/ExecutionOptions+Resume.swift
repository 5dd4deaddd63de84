// ExecutionOptions+Resume: which journaled rows a run sends, given the resend flags — the one
// rule `run` follows and `plan` forecasts with.

import KazeProtocol

extension ExecutionOptions {
    /// True when a row whose journal ends in `state` (nil: never journaled) is to be sent by a
    /// run of `operation`: rows never sent or proved undone always, FAILED ones with
    /// `retryFailed`, in-doubt ones for reads or with `resendUnknown` (after reconciliation).
    public func sends(_ state: JournalState?, operation: APIOperation) -> Bool {
        guard let state else { return true }
        switch state {
        case .pending, .retry: return true
        case .succeeded, .settled: return false
        case .failed, .settleFailed: return retryFailed
        case .sent, .unknown: return operation.isReadOnly || resendUnknown
        }
    }
}
