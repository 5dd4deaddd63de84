// Tests for the signed audit trail: checkpoints, the merchant-key signature an auditor checks
// with openssl alone, the state-dir head record, the detail column, CRLF and older files.

import Foundation
import KazeCrypto
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class AuditSigningTests: XCTestCase {
    private var folder: TemporaryFolder!
    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private func event(_ line: Int) -> AuditRow {
        AuditRow(
            time: "2026-01-01T00:00:00.000Z", batch: "b1", line: line, ref: "r,\(line)", apiCode: "cardRecharge",
            requestNo: "R\(line)", event: "SENT", code: "", amount: "10.50", currency: "USD", card: "SB000001")
    }

    private func signer() throws -> AuditSigner { AuditSigner(key: try TestKeys.merchant) }
    private func publicKey() throws -> RSAPublicKey { try TestKeys.merchant.publicKey() }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    private func save(_ lines: [String], _ path: String, lineEnd: String = "\n") throws {
        try (lines.joined(separator: lineEnd) + lineEnd).write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// Writes `events` rows with checkpoints every `every` events, and the final one.
    private func signedFile(events: Int, every: Int) throws -> String {
        let path = folder.path("audit.csv")
        let log = try AuditLog(path: path, signer: try signer(), batch: "b1", checkpointEvery: every)
        for line in 2..<(2 + events) { try log.record(event(line)) }
        try log.checkpoint()
        return path
    }

    func testCheckpointsFollowEveryNEventsAndTheEndAndVerifyWithTheKey() throws {
        let path = try signedFile(events: 7, every: 3)
        let rows = try lines(path).dropFirst().map { AuditCells.split($0)! }
        XCTAssertEqual(
            rows.map { $0[7] },
            [
                "SENT", "SENT", "SENT", "CHECKPOINT", "SENT", "SENT", "SENT", "CHECKPOINT",
                "SENT", "CHECKPOINT",
            ])
        XCTAssertEqual(rows[3][3], "", "a checkpoint concerns no line")
        XCTAssertEqual(rows[3][12].count, 512, "a 2048-bit signature in lowercase hex")
        let report = try AuditVerifier.verify(path: path, publicKey: try publicKey())
        XCTAssertEqual(report.checkpoints, 3)
        XCTAssertEqual(report.lastCheckpoint, 10)
        XCTAssertEqual(report.unsignedRows, 0)
    }

    func testRowsAfterTheLastCheckpointAreUnsigned() throws {
        let path = try signedFile(events: 2, every: 1_000)
        try AuditLog(path: path).record(event(9))  // appended without a signer
        let report = try AuditVerifier.verify(path: path, publicKey: try publicKey())
        XCTAssertEqual(report.lastCheckpoint, 3)
        XCTAssertEqual(report.unsignedRows, 1)
    }

    func testAnEditedAndReHashedFileVerifiesUnsignedButFailsWithTheKey() throws {
        let path = try signedFile(events: 4, every: 1_000)
        var rows = try lines(path)
        rows[2] = rows[2].replacingOccurrences(of: "10.50", with: "99.50")
        var previous = AuditRow.genesis
        for index in 1..<rows.count {  // what a forger does: recompute every hash after the edit
            var cells = rows[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[cells.count - 2] = previous
            let hashed = cells.dropLast().joined(separator: ",")
            previous = AuditDigest.hex(hashed)
            rows[index] = hashed + "," + previous
        }
        try save(rows, path)
        XCTAssertNoThrow(try AuditVerifier.verify(path: path), "the chain alone cannot tell")
        XCTAssertThrowsError(try AuditVerifier.verify(path: path, publicKey: try publicKey())) { error in
            guard case AuditError.broken(_, let line, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 6)
            XCTAssertTrue(reason.contains("checkpoint seq 5: the signature does not hold"), reason)
        }
    }

    func testAnotherKeysSignatureFails() throws {
        let path = try signedFile(events: 1, every: 1_000)
        XCTAssertThrowsError(try AuditVerifier.verify(path: path, publicKey: try TestKeys.platform.publicKey()))
    }

    func testTheSignedBytesCheckWithTheOpenSSLCommandAlone() throws {
        let path = try signedFile(events: 2, every: 1_000)
        let checkpoint = AuditCells.split(try lines(path).last!)!
        let (batch, seq, head, signature) = (checkpoint[2], checkpoint[0], checkpoint[13], checkpoint[12])
        let data = "kazebatch-audit-checkpoint,\(batch),\(seq),\(head)"
        XCTAssertEqual(data, AuditCheckpoint.signedText(batch: "b1", seq: 3, head: head), "the documented bytes")
        try data.write(toFile: folder.path("data.txt"), atomically: false, encoding: .utf8)
        try Data(Hex.decode(signature)!).write(to: URL(fileURLWithPath: folder.path("sig.bin")))
        try try publicKey().pem().write(toFile: folder.path("merchant.pub"), atomically: false, encoding: .utf8)
        guard let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(where: FileManager.default.isExecutableFile)
        else { throw XCTSkip("the openssl command is not installed") }
        func verify(_ file: String) throws -> (Int32, String) {
            let process = Process()
            let output = Pipe()
            process.executableURL = URL(fileURLWithPath: openssl)
            process.arguments = ["dgst", "-sha256", "-verify", folder.path("merchant.pub"), "-signature", folder.path("sig.bin"), file]
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let (status, text) = try verify(folder.path("data.txt"))
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains("Verified OK"), text)
        try (data + "\n").write(toFile: folder.path("other.txt"), atomically: false, encoding: .utf8)
        XCTAssertNotEqual(try verify(folder.path("other.txt")).0, 0, "any other bytes fail")
    }

    func testACRLFCopyVerifiesAndCanBeAppendedTo() throws {
        let path = try signedFile(events: 2, every: 1_000)
        try save(try lines(path), path, lineEnd: "\r\n")
        XCTAssertEqual(try AuditVerifier.verify(path: path, publicKey: try publicKey()).rows, 3)
        try AuditLog(path: path).record(event(5))
        XCTAssertEqual(try AuditVerifier.verify(path: path).rows, 4)
    }

    func testAnOlderFileWithoutTheDetailColumnVerifiesButIsNotAppendedTo() throws {
        let path = folder.path("old.csv")
        var previous = AuditRow.genesis
        var rows = [AuditRow.legacyHeader]
        for seq in 1...2 {
            let hashed = "\(seq),2026-01-01T00:00:00.000Z,b1,\(seq + 1),r,cardRecharge,R\(seq),SENT,,10.50,USD,SB1,\(previous)"
            previous = AuditDigest.hex(hashed)
            rows.append(hashed + "," + previous)
        }
        try save(rows, path)
        let report = try AuditVerifier.verify(path: path, expectedHeads: [.init(hash: previous, origin: "--head")])
        XCTAssertEqual(report.rows, 2)
        XCTAssertTrue(report.legacy)
        XCTAssertThrowsError(try AuditLog(path: path)) { error in
            XCTAssertTrue("\(error)".contains("older kazebatch (no detail column)"), "\(error)")
        }
    }

    func testARunSignsItsEndRecordsItsHeadAndRowsCutFromTheEndAreDetected() async throws {
        var harness = try Harness()
        defer { harness.folder.remove() }
        harness.auditSigner = try signer()
        let outcome = try await harness.run(.recharges((1...5).map { ("SB\($0)", "10.50") }))
        let rows = try lines(harness.auditPath).dropFirst().map { AuditCells.split($0)! }
        XCTAssertEqual(rows.last?[7], "CHECKPOINT")
        XCTAssertEqual(outcome.auditCheckpoint, rows.count)
        let succeeded = rows.filter { $0[7] == "SUCCEEDED" }
        XCTAssertEqual(succeeded.count, 5)
        XCTAssertTrue(succeeded.allSatisfy { !$0[12].isEmpty }, "a recharge's detail is its transactionId")
        XCTAssertEqual(Set(succeeded.map { $0[12] }).count, 5)

        let stateDir = harness.stateFolder.stateRoot
        let record = try XCTUnwrap(try AuditHeadRecord.load(stateDir: stateDir, auditPath: harness.auditPath))
        XCTAssertEqual(record.head, outcome.auditHead)
        XCTAssertEqual(record.checkpoint, rows.count)
        XCTAssertEqual(record.auditFile, ResolvedPath.of(harness.auditPath))
        let mode =
            try FileManager.default.attributesOfItem(atPath: AuditHeadRecord.path(stateDir: stateDir, auditPath: harness.auditPath))[
                .posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let expected = [AuditVerifier.ExpectedHead(hash: record.head, origin: "the state dir")]
        XCTAssertNoThrow(try AuditVerifier.verify(path: harness.auditPath, expectedHeads: expected, publicKey: try publicKey()))

        try save(Array(try lines(harness.auditPath).dropLast(2)), harness.auditPath)  // cut the tail, checkpoint and all
        XCTAssertNoThrow(try AuditVerifier.verify(path: harness.auditPath), "the rest of the chain holds")
        XCTAssertThrowsError(try AuditVerifier.verify(path: harness.auditPath, expectedHeads: expected)) { error in
            XCTAssertTrue("\(error)".contains("recorded by the state dir is missing"), "\(error)")
        }
    }

    func testCheckpointsAreNoJournalEventsForRecovery() async throws {
        var harness = try Harness()
        defer { harness.folder.remove() }
        harness.auditSigner = try signer()
        let source = ArraySource.recharges((1...3).map { ("SB\($0)", "1.00") })
        _ = try await harness.run(source)
        let before = try lines(harness.auditPath).count
        let again = try await harness.run(source)  // resumes: nothing to send, nothing to recover
        XCTAssertEqual(again.recoveredAuditRows, 0)
        XCTAssertEqual(try lines(harness.auditPath).count, before, "no new event, so no new checkpoint")
        let events = try BatchEvents.journal(harness.stateFolder.journalPath)
        XCTAssertEqual(try BatchEvents.audit(harness.auditPath, batch: harness.batchID).events, events)
    }
}
