// ExportWindow: the platform wall-time window of `export transactions` — given as
// `yyyy-MM-dd HH:mm:ss` platform times, or by default the last 24 hours of platform time,
// mapped from this machine's clock through the measured platform offset (and widened by its
// uncertainty, so no transaction of the last 24 hours is left out).

import Foundation
import KazeProtocol

/// A window of platform wall seconds, both ends included.
public struct ExportWindow: Sendable, Equatable {
    /// The first wall second.
    public let from: Int
    /// The last wall second.
    public let to: Int
    /// How it was chosen, for the operator.
    public let source: String

    /// The default span: 24 hours.
    public static let defaultSpan = 86_400

    /// The window from `--from` / `--to` texts: `--to` defaults to now on the platform's clock
    /// (the latest it can read), `--from` to 24 hours before `--to` (before the earliest the
    /// platform's clock can read now, when neither is given).
    /// - Throws: `ExportError.usage` naming the flag when a time is malformed or `from` > `to`.
    public static func given(from: String?, to: String?, offset: PlatformOffset, now: Date = Date()) throws -> ExportWindow {
        func wall(_ text: String?, _ flag: String) throws -> Int? {
            guard let text else { return nil }
            guard let seconds = WireTime.wallSeconds(text) else {
                throw ExportError.usage("--\(flag) must be a platform time as \"yyyy-MM-dd HH:mm:ss\", got \"\(text)\"")
            }
            return seconds
        }
        let start = try wall(from, "from")
        let end = try wall(to, "to")
        let local = now.timeIntervalSince1970
        let last = end ?? Int((local + offset.high).rounded(.up))
        let first = start ?? ((end == nil ? Int((local + offset.low).rounded(.down)) : last) - defaultSpan)
        guard first <= last else {
            throw ExportError.usage("--from (\(from ?? "")) is after --to (\(to ?? WireTime.text(wallSeconds: last)))")
        }
        let source = start == nil && end == nil ? "the last 24 hours of platform time" : "as given"
        return ExportWindow(from: first, to: last, source: source + " (platform offset \(offset.text): \(offset.source))")
    }

    /// `from … to` as platform times.
    public var text: String { "\(WireTime.text(wallSeconds: from)) … \(WireTime.text(wallSeconds: to))" }
}
