// ValidationOptions: the knobs of a validation run — duplicates allowed or not, the image size
// limit, and the clock that decides what "in the past" and "in the future" mean.

import Foundation

/// How records are validated.
public struct ValidationOptions: Sendable {
    /// When true, repeated records (same card+amount+currency, email, or card number) are not errors.
    public var allowDuplicates = false
    /// The largest KYC image accepted, in bytes (default 5 MiB).
    public var maxImageBytes = 5 * 1024 * 1024
    /// "Now": dates of birth must fall before, and expiry dates after, this instant's UTC day.
    public var now = Date()
    /// Read only the input's first this many bytes (the bytes the batch id covers), so rows
    /// appended while a batch runs are never read; nil reads the whole file.
    public var byteLimit: Int?

    /// Options with the given values; the defaults are the documented ones.
    public init(allowDuplicates: Bool = false, maxImageBytes: Int = 5 * 1024 * 1024, now: Date = Date()) {
        self.allowDuplicates = allowDuplicates
        self.maxImageBytes = maxImageBytes
        self.now = now
    }
}
