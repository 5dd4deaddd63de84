// AuditSettleExportCommandTests: the exit codes of `audit verify --public-key`, `settle` and
// `export` for what an operator may type — a signed file, rows after its last checkpoint, a
// missing key, an operation with nothing to settle, a bad export kind or window.

import Foundation
import KazeBatch
import KazeCrypto
import KazeTestSupport
import XCTest

@testable import KazeCLI

final class AuditSettleExportCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryFolder("kazebatch-audit-cli").url
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func event(_ line: Int) -> AuditRow {
        AuditRow(
            time: "2026-01-01T00:00:00.000Z", batch: "b1", line: line, ref: "r", apiCode: "cardRecharge",
            requestNo: "R\(line)", event: "SENT", code: "", amount: "1.00", currency: "USD", card: "SB000001")
    }

    func testAuditVerifyWithThePublicKey() async throws {
        let audit = path("pay.audit.csv")
        let log = try AuditLog(path: audit, signer: AuditSigner(key: try TestKeys.merchant), batch: "b1")
        try log.record([event(2), event(3)])
        try log.checkpoint()
        let publicKey = path("merchant.pub")
        try try TestKeys.merchant.publicKey().pem().write(toFile: publicKey, atomically: true, encoding: .utf8)
        await assertExit(["audit", "verify", audit, "--public-key", publicKey], .success, "every row signed")
        await assertExit(["audit", "verify", audit], .success, "verified unsigned only")
        await assertExit(["audit", "verify", audit, "--public-key", path("missing.pub")], .usage, "an unreadable key")

        try AuditLog(path: audit).record(event(4))  // appended without a checkpoint
        await assertExit(["audit", "verify", audit, "--public-key", publicKey], .someFailed, "a row after the last checkpoint")
        await assertExit(["audit", "verify", audit], .success)
    }

    func testSettleAndExportUsageErrors() async throws {
        let cards = path("cards.csv")
        try "cardID\nSB000001\n".write(toFile: cards, atomically: true, encoding: .utf8)
        await assertExit(["settle", "kyc", cards], .usage, "only recharges settle")
        await assertExit(["export", "cards", cards], .usage, "transactions or balances")
        await assertExit(["export", "balances", cards, "--from", "2026-01-01 00:00:00"], .usage, "balances take no window")
        await assertExit(["export", "transactions", cards, "--out", cards], .usage, "never overwrite the cards file")
        let noCards = path("none.csv")
        try "ref\nx\n".write(toFile: noCards, atomically: true, encoding: .utf8)
        await assertExit(["export", "transactions", noCards], .usage, "no cardID column")
    }
}
