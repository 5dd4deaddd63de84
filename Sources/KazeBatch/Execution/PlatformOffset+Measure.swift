// PlatformOffset+Measure: the offset from what was measured — the platform's clock skew from
// its `Date` headers, its zone from the operator's `platformUtcOffset` or from one of the
// batch's own confirmed recharges (whose send and answer times bracket its transactionTime).

import Foundation
import KazeProtocol

extension PlatformOffset {
    /// How far a zone measured from a transaction may be from a whole quarter hour and still
    /// be believed, in seconds (beyond the two measurements' own uncertainty).
    static let zoneTolerance: Double = 120

    /// The best offset from what is known:
    /// - a confirmed transaction and the skew: the skew plus the zone they imply (a multiple
    ///   of 15 minutes), when they agree; otherwise the transaction's own interval;
    /// - the skew and a configured zone: the skew plus the zone;
    /// - the skew alone: the skew plus every zone (−12:00 … +14:00);
    /// - nothing (or a configured zone without any skew): `unknown`.
    /// A configured zone that disagrees with a measured one widens the result to hold both.
    static func combine(zone: Int?, skew: PlatformClock.Skew?, transaction: PlatformOffset?) -> PlatformOffset {
        let configured = zone.flatMap { zone in
            skew.map {
                PlatformOffset(
                    low: $0.low + Double(zone), high: $0.high + Double(zone),
                    source: "clock skew from the platform's Date headers, zone \(UTCOffsetText.text(zone)) as configured")
            }
        }
        guard let transaction else {
            if let configured { return configured }
            guard let skew else { return .unknown }
            return PlatformOffset(
                low: skew.low + zoneRange.lowerBound, high: skew.high + zoneRange.upperBound,
                source: "clock skew from the platform's Date headers, zone unknown (−12:00 … +14:00)")
        }
        var measured = transaction
        if let skew {
            let gap = (transaction.low + transaction.high) / 2 - (skew.low + skew.high) / 2
            let zoneSeconds = (gap / 900).rounded() * 900
            let slack = (transaction.high - transaction.low + skew.high - skew.low) / 2 + zoneTolerance
            if abs(gap - zoneSeconds) <= slack {
                measured = PlatformOffset(
                    low: skew.low + zoneSeconds, high: skew.high + zoneSeconds,
                    source:
                        "clock skew from the platform's Date headers, zone \(UTCOffsetText.text(Int(zoneSeconds))) measured from \(transaction.source)"
                )
            }
        }
        guard let configured, configured.high < measured.low || measured.high < configured.low else { return measured }
        return measured.union(configured)
    }
}
