// PlatformClock: the platform's idea of the time — the real clock shifted by `--clock-offset-s`,
// written and read as `yyyy-MM-dd HH:mm:ss` in the `--utc-offset` zone.

import Foundation
import KazeProtocol

/// The platform clock: real time plus an offset, shown in a fixed zone.
struct PlatformClock: Sendable, Equatable {
    /// Seconds the platform clock is ahead of the real one (negative: behind).
    var offsetSeconds = 0
    /// The zone of the platform's date-time texts.
    var zone = UTCOffset.utc

    /// The platform's reading at the real moment `real`.
    func now(real: Date) -> Date { real.addingTimeInterval(TimeInterval(offsetSeconds)) }

    /// The platform instant `instant` as the platform writes it, in its zone.
    func text(_ instant: Date) -> String {
        WireTime.text(instant.addingTimeInterval(TimeInterval(zone.seconds)))
    }

    /// The platform instant a `yyyy-MM-dd HH:mm:ss` text in its zone names; `nil` when malformed.
    func parse(_ text: String) -> Date? {
        WireTime.date(text)?.addingTimeInterval(TimeInterval(-zone.seconds))
    }
}
