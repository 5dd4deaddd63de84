// SandboxState+Purchases: the `--purchases N` history — N card purchases (`Expenditure`) per
// preset card over the 24 hours of platform time before the start, at various merchants and in
// various currencies, drawn from the seed. History only: balances do not change.

import Foundation

extension SandboxState {
    /// A merchant a purchase can come from, with the currency it charges in and its rate per USD.
    private static let merchants: [(name: String, currency: String, perUSD: String, decimals: Int16)] = [
        ("Amazon.com", "USD", "1", 2), ("Starbucks Central", "HKD", "7.80", 2), ("Tesco Express", "GBP", "0.79", 2),
        ("FamilyMart Shibuya", "JPY", "150", 0), ("Carrefour Paris", "EUR", "0.92", 2), ("Uber", "USD", "1", 2),
        ("7-Eleven Singapore", "SGD", "1.35", 2), ("Woolworths Sydney", "AUD", "1.52", 2),
    ]

    /// Adds `perCard` purchases to every preset card, at platform times within the 24 h before
    /// `platformNow` (real time `realNow`), oldest first, ids in time order. `seed` decides
    /// merchants, amounts and times.
    mutating func seedPurchases(perCard: Int, seed: UInt64, platformNow: Date, realNow: Date) {
        guard perCard > 0 else { return }
        var random = SplitMix64(seed: seed ^ 0x5055_5243_4841_5345)
        var drafts: [(secondsAgo: Int, transaction: SandboxTransaction)] = []
        for card in cards.values.filter({ $0.series == .preset }).sorted(by: { $0.cardID < $1.cardID }) {
            for _ in 0..<perCard {
                let secondsAgo = 1 + Int(random.fraction() * 86_399)
                let merchant = Self.merchants[Int(random.fraction() * Double(Self.merchants.count))]
                let cents = Cents(100 + Int64(random.fraction() * 20_000))
                let foreign = merchant.currency != card.currency
                let charged = Self.rounded(Decimal(cents.value) / 100 * (Decimal(string: merchant.perUSD) ?? 1), merchant.decimals)
                let fee = foreign ? Cents((cents.value + 50) / 100) : .zero  // 1 % foreign-transaction fee
                drafts.append(
                    (
                        secondsAgo,
                        SandboxTransaction(
                            transactionId: "", cardID: card.cardID, type: .expenditure, amount: cents, amountText: "-" + cents.text,
                            currency: card.currency, status: .success,
                            time: platformNow.addingTimeInterval(-Double(secondsAgo)),
                            committedAt: realNow.addingTimeInterval(-Double(secondsAgo)), settlesAt: nil, settlesTo: .success,
                            requestNo: "",
                            purchase: PurchaseDetails(
                                merchantName: merchant.name, transCurrency: merchant.currency,
                                transAmountText: "-" + Self.text(charged, merchant.decimals), feeText: fee.text))
                    ))
            }
        }
        for draft in drafts.sorted(by: { $0.secondsAgo > $1.secondsAgo }) {
            var transaction = draft.transaction
            transaction.transactionId = nextTransactionId()
            append(transaction)
        }
    }

    private static func rounded(_ value: Decimal, _ decimals: Int16) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, Int(decimals), .plain)
        return output
    }

    /// `value` with exactly `decimals` fraction digits.
    private static func text(_ value: Decimal, _ decimals: Int16) -> String {
        let plain = NSDecimalNumber(decimal: value).stringValue
        guard decimals > 0 else { return plain }
        let parts = plain.split(separator: ".", maxSplits: 1)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return parts[0] + "." + fraction + String(repeating: "0", count: max(0, Int(decimals) - fraction.count))
    }
}
