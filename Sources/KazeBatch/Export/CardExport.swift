// CardExport: `export transactions` and `export balances` — one read-only pass over a list of
// cards, paced by the rate limiter like `run` (reads asked again after a transient failure,
// as reconciliation asks them), written atomically as a formula-neutralised CSV (mode 0600).

import Foundation
import KazeProtocol

/// Exports the platform's records of a list of cards.
public struct CardExport: Sendable {
    /// The `export transactions` columns: cardID, then every documented `list` field.
    public static let transactionColumns = [
        "cardID", "transactionId", "transactionTime", "cardCurrency", "cardCurrencyAmt",
        "transCurrency", "transCurrencyAmt", "feeCurrency", "fee", "transStatus",
        "transType", "merchantName", "respCode", "respCodeDesc",
    ]
    /// The `export balances` columns.
    public static let balanceColumns = ["cardID", "currency", "avaBalance", "blockBalance", "queriedAt"]

    let api: any CardAPI
    let options: ExecutionOptions
    /// The rate-limited read that reconciliation uses (asked again after transient failures).
    private let reader: Reconciler

    /// An exporter reading through `api` at `options.rate` / `options.burst`; `platformUtcOffset`
    /// gives the platform's zone for the default window.
    public init(
        api: any CardAPI, options: ExecutionOptions, clock: any PacingClock = SystemPacingClock(),
        makeRequestNo: @escaping @Sendable () -> String
    ) {
        self.api = api
        self.options = options
        reader = Reconciler(
            operation: .transactions, api: api, limiter: RateLimiter(rate: options.rate, burst: options.burst, clock: clock),
            makeRequestNo: makeRequestNo, options: options, clock: clock)
    }

    /// What an export wrote.
    public struct Report: Sendable, Equatable {
        /// Data rows written.
        public var rows = 0
        /// Cards exported completely.
        public var cards = 0
        /// One line per card that could not be exported completely (its rows are left out).
        public var problems: [String] = []
    }

    /// The platform's offset now: its clock skew from the Date headers (one read of
    /// `probeCard` first when no answer came yet) and its zone from `platformUtcOffset`.
    public func platformOffset(probeCard: String) async -> PlatformOffset {
        if let clock = api.platformClock, clock.skew == nil {
            _ = await reader.read(CardRequest.operation, CardRequest(cardID: probeCard).body)
        }
        return PlatformOffset.combine(zone: options.platformUtcOffset, skew: api.platformClock?.skew, transaction: nil)
    }

    /// Every transaction of every card in `window`, every page (a window that hits the
    /// platform's 10-page cap is split in halves until each part fits), oldest first per card.
    /// - Throws: `OutputError.io` when the file cannot be written.
    public func transactions(of cards: [String], in window: ExportWindow, to path: String) async throws -> Report {
        let file = try AtomicFile(path: path)
        try file.write(CSVFormat.row(Self.transactionColumns))
        var report = Report()
        for card in cards {
            let search = TransactionSearch(read: { await reader.read($0, $1) }, cardID: card)
            switch await search.list(from: window.from, to: window.to) {
            case .incomplete(let reason):
                report.problems.append(Self.problem(card: card, reason))
            case .complete(let list):
                let ordered = list.sorted {
                    ($0.text("transactionTime") ?? "", $0.text("transactionId") ?? "")
                        < ($1.text("transactionTime") ?? "", $1.text("transactionId") ?? "")
                }
                for entry in ordered {
                    try file.write(
                        CSVFormat.row(
                            [entry.text("cardID") ?? card]
                                + Self.transactionColumns.dropFirst().map {
                                    entry[$0]?.scalarText ?? ""
                                }))
                }
                report.rows += ordered.count
                report.cards += 1
            }
        }
        try file.commit()
        return report
    }

    /// Each card's balance (cardBalance), with the UTC time it was answered.
    /// - Throws: `OutputError.io` when the file cannot be written.
    public func balances(of cards: [String], to path: String) async throws -> Report {
        let file = try AtomicFile(path: path)
        try file.write(CSVFormat.row(Self.balanceColumns))
        var report = Report()
        for card in cards {
            let outcome = await reader.read(BalanceRequest.operation, BalanceRequest(cardID: card).body)
            guard case .success(let body) = outcome else {
                report.problems.append(Self.problem(card: card, "\(outcome)"))
                continue
            }
            let balance = BalanceResponse(body: body)
            try file.write(
                CSVFormat.row([
                    balance.cardID ?? card, balance.currency ?? "", balance.avaBalance ?? "",
                    balance.blockBalance ?? "", Timestamp.text(),
                ]))
            report.rows += 1
            report.cards += 1
        }
        try file.commit()
        return report
    }

    /// One card's problem as the operator reads it: the card (from the cards file) and the
    /// reason (which may quote the platform's answer) made terminal-safe.
    private static func problem(card: String, _ reason: String) -> String {
        "\(SafeText.shown(card, limit: 40)): \(SafeText.shown(reason))"
    }
}
