// Tests for the batch id: known answers (computed independently with Python's hashlib), files
// larger than one read chunk, and sensitivity to every input of the id.

import XCTest
@testable import KazeBatch
import KazeProtocol

final class PlanBatchIDTests: XCTestCase {
    func testKnownAnswer() throws {
        let file = try ValidationTestFiles.write("cardID,amount\nSB1,10.00\n", named: "r.csv", for: self)
        XCTAssertEqual(
            try BatchID.compute(operation: .recharge, file: file, sysId: "202402271432298822660001", endpoint: "http://127.0.0.1:8080/"),
            "805eacf24e07f23fba20937f0078f5e65a44ffd021d6e8faa800d92415051dd9")
    }

    func testKnownAnswerForAFileOfSeveralChunks() throws {
        let text = (0..<30_000).map { index in
            "SB" + String(repeating: "0", count: 7 - String(index).count) + "\(index),\(index % 997)."
                + (index % 100 < 10 ? "0" : "") + "\(index % 100)\n"
        }.joined()
        XCTAssertEqual(text.utf8.count, 506_600)
        XCTAssertGreaterThan(text.utf8.count, ByteSource.chunkSize)
        let file = try ValidationTestFiles.write(text, named: "big.csv", for: self)
        XCTAssertEqual(
            try BatchID.compute(operation: .kyc, file: file, sysId: "S", endpoint: "https://api.example.com/card"),
            "0d574a321f55f677d926f6d26bd674002e05f7c864f7f3199f20ca18b0dabb4e")
    }

    func testEveryInputChangesTheID() throws {
        let file = try ValidationTestFiles.write("cardID\nSB1\n", named: "c.csv", for: self)
        let other = try ValidationTestFiles.write("cardID\nSB2\n", named: "c.csv", for: self)
        let base = try BatchID.compute(operation: .card, file: file, sysId: "A", endpoint: "http://127.0.0.1/")
        let variants = [
            try BatchID.compute(operation: .close, file: file, sysId: "A", endpoint: "http://127.0.0.1/"),
            try BatchID.compute(operation: .card, file: other, sysId: "A", endpoint: "http://127.0.0.1/"),
            try BatchID.compute(operation: .card, file: file, sysId: "B", endpoint: "http://127.0.0.1/"),
            try BatchID.compute(operation: .card, file: file, sysId: "A", endpoint: "http://127.0.0.1:81/"),
            try BatchID.compute(operation: .card, file: file, sysId: "Ahttp://127.0.0.1/", endpoint: ""),
        ]
        XCTAssertEqual(Set(variants + [base]).count, 6)
        XCTAssertEqual(base, try BatchID.compute(operation: .card, file: file, sysId: "A", endpoint: "http://127.0.0.1/"))
        XCTAssertEqual(base.count, 64)
    }

    func testUnreadableFileIsAnInputError() {
        XCTAssertThrowsError(try BatchID.compute(
            operation: .card, file: URL(fileURLWithPath: "/nonexistent/in.csv"), sysId: "A", endpoint: "B")) {
            XCTAssertTrue($0 is InputError)
        }
    }

    func testPlanReportShowsTotalsAndTheBatchID() throws {
        var summary = ValidationSummary(operation: .recharge)
        try BatchValidator(
            operation: .recharge, file: ValidationTestFiles.sample("recharge.csv"), format: .csv,
            options: ValidationOptions(now: ValidationTestFiles.now)
        ).forEachRecord { summary.add($0) }
        XCTAssertEqual(summary.planReport(batchID: "abc", endpoint: "http://127.0.0.1:9/"), """
            plan
              would send  10 cardRecharge requests to http://127.0.0.1:9/
              total       USD:428.84
              confirm with: --confirm-total USD:428.84
              batch id    abc
            """)
    }
}
