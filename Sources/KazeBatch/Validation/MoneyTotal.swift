// MoneyTotal: an exact running sum of amounts in cents — integer arithmetic while it fits, spilling
// into Decimal on overflow — shown with exactly two decimals.

import Foundation

/// The exact sum of many amounts of one currency.
struct MoneyTotal: Sendable, Equatable {
    private var cents: Int64 = 0
    private var spilled = Decimal(0)

    /// Adds an amount given in cents.
    mutating func add(cents amount: Int64) {
        let (sum, overflow) = cents.addingReportingOverflow(amount)
        if overflow {
            spilled += Decimal(cents)
            cents = amount
        } else {
            cents = sum
        }
    }

    /// The total in currency units.
    var decimal: Decimal { (spilled + Decimal(cents)) / 100 }

    /// The total with exactly two decimals, e.g. `12500.00`.
    var text: String {
        let allCents = spilled + Decimal(cents)
        let digits = "\(allCents)"
        let padded = String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        return "\(padded.dropLast(2)).\(padded.suffix(2))"
    }
}
