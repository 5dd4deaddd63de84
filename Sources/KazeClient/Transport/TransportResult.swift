// TransportResult: what one HTTP exchange produced — an answer, or a failure classified by
// whether the request can have reached the platform.

import Foundation

/// The result of POSTing one request.
enum TransportResult: Sendable, Equatable {
    /// An HTTP answer arrived. `retryAfter` is the parsed `Retry-After` header, if any;
    /// `serverDate` the parsed HTTP `Date` header (the platform's clock), if any.
    case answered(status: Int, body: [UInt8], retryAfter: Double?, serverDate: Date?)
    /// The request never left this machine (no connection was made).
    case notSent(reason: String)
    /// The request may have reached the platform, but no complete answer came back.
    case unknown(reason: String)
}
