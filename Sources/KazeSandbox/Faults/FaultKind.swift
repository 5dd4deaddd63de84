// FaultKind: the kinds of injected fault counted in `/_sandbox/state`'s `faults` object, named
// after their flags without dashes (and without `-rate`).

/// One kind of injected fault.
enum FaultKind: String, Sendable, CaseIterable {
    case rateLimit = "rate-limit"
    case fail
    case timeout
    case lateCommit = "late-commit"
    case dropAfterCommit = "drop-after-commit"
    case gatewayErrorAfterCommit = "gateway-error-after-commit"
    case badSign = "bad-sign"
    case rechargeFail = "recharge-fail"
    case dedupe
}
