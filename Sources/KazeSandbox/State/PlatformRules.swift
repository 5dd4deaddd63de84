// PlatformRules: the run's settings that shape what operations do — delays, the platform
// clock, the page size cap and the requestNo memory mode. Not saved with the state: each run
// brings its own, and `POST /_sandbox/control` may change them.

import Foundation

/// Settings the operations follow.
struct PlatformRules: Sendable, Equatable {
    /// How long a KYC application waits before it settles.
    var kycDelay: TimeInterval = 0
    /// How long a recharge stays PENDING.
    var pendingDelay: TimeInterval = 0
    /// The platform clock and zone.
    var clock = PlatformClock()
    /// The most entries one queryTransactions page returns.
    var pageSizeCap = 100
    /// What a repeated requestNo gets.
    var dedupe = DedupeMode.off
}
