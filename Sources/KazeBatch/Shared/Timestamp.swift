// Timestamp: the time texts kazebatch writes of its own — journal/audit times (ISO 8601 UTC with
// milliseconds) and file-name stamps. The platform's `yyyy-MM-dd HH:mm:ss` is KazeProtocol's WireTime.

import Foundation

/// Time formatting and parsing.
enum Timestamp {
    private static let iso = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `date` as `2026-01-31T23:59:59.123Z`.
    static func text(_ date: Date = Date()) -> String { iso.format(date) }

    /// `date` as `20260131T235959Z` (a file name's stamp).
    static func compact(_ date: Date) -> String {
        String(text(date).prefix(19).filter { $0 != "-" && $0 != ":" }) + "Z"
    }

    /// Parses a journal time.
    static func date(_ text: String) -> Date? { try? iso.parse(text) }
}
