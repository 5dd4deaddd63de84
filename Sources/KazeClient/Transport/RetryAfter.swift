// RetryAfter: parses an HTTP Retry-After header — delta-seconds or an HTTP-date.

import Foundation
import KazeProtocol

/// The `Retry-After` header.
enum RetryAfter {
    /// The longest wait honoured: a larger value (a hostile or broken server's
    /// `Retry-After: 99999999999`) would stall a batch for ever.
    static let maxSeconds: Double = 300

    /// Seconds to wait (at most `maxSeconds`), or `nil` when the header is absent or
    /// unreadable. An HTTP-date in the past gives 0.
    static func seconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return Double(text).map { min($0, maxSeconds) } }
        guard let date = HTTPDate.parse(text) else { return nil }
        return min(max(0, date.timeIntervalSince(now)), maxSeconds)
    }
}
