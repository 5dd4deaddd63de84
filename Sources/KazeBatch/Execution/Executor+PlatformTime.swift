// Executor+PlatformTime: learns the platform's wall clock for reconciliation — its skew from
// the `Date` headers the client saw (one read is made if none was), its zone from the
// operator's setting or from one of the batch's own confirmed recharges — and records what it
// learned in the batch folder (clock.json) for `status`.

import Foundation
import KazeProtocol

extension Executor {
    /// The confirmed recharges looked at, at most, for a clock measurement.
    static let maxRechargesToMeasure = 3

    /// The platform offset as well as it can be known now. Only recharges need it.
    func platformOffset(probeCard: String?) async -> PlatformOffset {
        guard operation == .recharge else { return .unknown }
        if let platformClock = api.platformClock, platformClock.skew == nil, let card = probeCard {
            _ = await reconciler.read(.card, JSONObject([("cardID", .string(card))]))
        }
        if !searchedTransactionOffset {
            searchedTransactionOffset = true
            transactionOffset = await measureFromOwnRecharge()
        }
        let skew = api.platformClock?.skew
        let offset = PlatformOffset.combine(zone: options.platformUtcOffset, skew: skew, transaction: transactionOffset)
        record(offset, skew: skew)
        return offset
    }

    /// The offset implied by one of this batch's recharges that the platform confirmed in
    /// its answer: its transaction was made between the SENT entry and the answer's entry.
    private func measureFromOwnRecharge() async -> PlatformOffset? {
        var tried = 0
        for summary in index.rows where summary.state == .succeeded {
            guard tried < Executor.maxRechargesToMeasure else { return nil }
            guard let row = try? index.record(summary.line), row.code == "SUCCESS",
                let id = row.fields["transactionId"], let cardID = row.cardID,
                let sent = row.lastSendTime.flatMap(Timestamp.date), let answered = row.outcomeTime.flatMap(Timestamp.date)
            else { continue }
            tried += 1
            guard let entry = await reconciler.transaction(cardID: cardID, transactionId: id),
                let wall = entry.transactionTime.flatMap(WireTime.wallSeconds)
            else { continue }
            return PlatformOffset(
                low: Double(wall) - answered.timeIntervalSince1970,
                high: Double(wall) + 1 - sent.timeIntervalSince1970, source: "transaction \(id)")
        }
        return nil
    }

    /// Writes clock.json when what is known changed.
    private func record(_ offset: PlatformOffset, skew: PlatformClock.Skew?) {
        guard let path = clockRecordPath else { return }
        let text = PlatformClockRecord(setting: options.platformUtcOffset, skew: skew, offset: offset).jsonText
        guard text != lastClockRecord else { return }
        lastClockRecord = text
        try? PlatformClockRecord.write(text, to: path)
    }
}
