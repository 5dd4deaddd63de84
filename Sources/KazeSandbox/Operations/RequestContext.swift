// RequestContext: what an operation handler knows about the request besides its fields.

import Foundation

/// The time, requestNo and fault marks of the request being handled.
struct RequestContext: Sendable {
    /// The real moment the operation commits.
    var now: Date
    /// The platform clock's reading at that moment (what `transactionTime` shows).
    var platformNow: Date
    /// The request's `head.requestNo`.
    var requestNo: String
    /// A recharge settles to FAILED instead of SUCCESS.
    var rechargeFails = false
}
