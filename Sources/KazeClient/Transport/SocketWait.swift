// SocketWait: blocks the calling thread in poll() until a socket is ready or a deadline passes —
// the transport's only way of waiting (no spinning, no timers).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting for socket readiness.
enum SocketWait {
    /// What to wait for.
    enum Direction { case readable, writable }

    /// Waits until `fd` is ready for `direction` (or has an error or hang-up to report) or
    /// `deadline` passes. Returns false when the deadline passed first.
    static func wait(_ fd: Int32, _ direction: Direction, until deadline: ContinuousClock.Instant) -> Bool {
        let events = Int16(direction == .readable ? POLLIN : POLLOUT)
        while true {
            let remaining = deadline - .now
            guard remaining > .zero else { return false }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let result = poll(&entry, 1, milliseconds(remaining))
            if result > 0 { return true }
            if result < 0 && errno != EINTR { return true }
        }
    }

    /// True when `fd` has something to read (data, end of stream or an error) right now.
    static func isReadableNow(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) != 0
    }

    /// `duration` in whole milliseconds for poll(), rounded up so a wait never ends early.
    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(1, total))
    }
}
