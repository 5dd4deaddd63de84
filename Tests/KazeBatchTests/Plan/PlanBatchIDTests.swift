// Tests for the batch id: known answers (computed independently with Python's hashlib over the
// canonical endpoint), files larger than one read chunk, sensitivity to every input of the id,
// and the endpoint spellings that must name one batch.

import KazeProtocol
import XCTest

@testable import KazeBatch

final class PlanBatchIDTests: XCTestCase {
    func testKnownAnswer() throws {
        let file = try ValidationTestFiles.write("cardID,amount\nSB1,10.00\n", named: "r.csv", for: self)
        XCTAssertEqual(
            try BatchID.compute(operation: .recharge, file: file, sysId: "202402271432298822660001", endpoint: "http://127.0.0.1:8080/"),
            "eb6bc192c6321164899d8a174b7bd5d09022582ba66b1db847a60c015383987b")
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
            "f21f8ec2ddeaa824915332c6dce5e5bd99912bd55d1d280d122947ab2d823969")
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

    func testEndpointSpellingsOfOnePlatformGiveOneID() throws {
        let file = try ValidationTestFiles.write("cardID,pin\nSB1,123456\n", named: "p.csv", for: self)
        let spellings = ["http://127.0.0.1:8080/", "http://localhost:8080", "HTTP://LocalHost:8080/", "http://127.0.0.1:8080"]
        let ids = try Set(spellings.map { try BatchID.compute(operation: .setPin, file: file, sysId: "A", endpoint: $0) })
        XCTAssertEqual(ids.count, 1)
    }

    func testCanonicalEndpoint() {
        let expected = [
            "http://127.0.0.1:8080/": "http://127.0.0.1:8080",
            "http://localhost:8080": "http://127.0.0.1:8080",
            "HTTP://LOCALHOST:8080/": "http://127.0.0.1:8080",
            "http://127.0.0.1/": "http://127.0.0.1:80",
            "http://127.0.0.1:80": "http://127.0.0.1:80",
            "https://API.Example.com": "https://api.example.com:443",
            "https://api.example.com:8443/": "https://api.example.com:8443",
            "https://api.example.com/card/": "https://api.example.com:443/card/",
            "https://api.example.com/Card?x=1": "https://api.example.com:443/Card?x=1",
            "http://[::1]:9/": "http://[::1]:9",
            "": "",
            "not a url": "not a url",
        ]
        for (spelling, canonical) in expected {
            XCTAssertEqual(BatchID.canonicalEndpoint(spelling), canonical, spelling)
        }
    }

    func testUnreadableFileIsAnInputError() {
        XCTAssertThrowsError(
            try BatchID.compute(
                operation: .card, file: URL(fileURLWithPath: "/nonexistent/in.csv"), sysId: "A", endpoint: "B")
        ) {
            XCTAssertTrue($0 is InputError)
        }
    }

    func testPlanReportShowsTotalsAndTheBatchID() throws {
        var summary = ValidationSummary(operation: .recharge)
        try BatchValidator(
            operation: .recharge, file: ValidationTestFiles.sample("recharge.csv"), format: .csv,
            options: ValidationOptions(now: ValidationTestFiles.now)
        ).forEachRecord { summary.add($0) }
        XCTAssertEqual(
            summary.planReport(batchID: "abc", endpoint: "http://127.0.0.1:9/"),
            """
            plan
              would send  10 cardRecharge requests to http://127.0.0.1:9/
              total       USD:428.84 in the whole batch
              confirm with: --confirm-total USD:428.84
              batch id    abc
            """)
    }
}
