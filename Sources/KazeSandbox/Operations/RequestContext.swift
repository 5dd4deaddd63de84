// RequestContext: what an operation handler knows about the request besides its fields.

import Foundation

/// The time and requestNo of the request being handled.
struct RequestContext: Sendable {
    /// The moment the operation commits.
    var now: Date
    /// The request's `head.requestNo`.
    var requestNo: String
}
