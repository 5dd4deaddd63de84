// Tests for the results file: order, masking, secrets, formula injection, atomicity, mode.

import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class ResultsWriterTests: XCTestCase {
    private var folder: TemporaryFolder!
    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    func testCardNumbersMaskedSecretsDroppedFormulasNeutralised() throws {
        let body = JSONObject([
            ("encrypt", .string("SUCCESS")), ("cardID", .string("SB000001")), ("cardNo", .string("4111111111111111")),
            ("cardCvv", .string("123")), ("billingAddress", .string("=cmd|' /C calc'!A0")),
        ])
        let fields = ResponseFields.safeFields(of: body, for: .card)
        XCTAssertEqual(fields["cardNo"], "411111******1111")
        XCTAssertNil(fields["cardCvv"])
        XCTAssertFalse(ResponseFields.columns(for: .card).contains("cardCvv"))

        let path = folder.path("results.csv")
        let writer = try ResultsWriter(path: path, operation: .card)
        try writer.write(
            ResultRow(
                line: 2, ref: "-1+2", outcome: .succeeded, code: "SUCCESS", requestNo: "R1", attempts: 1, fields: fields,
                request: ["cardID": "SB000001"], time: "2026-01-01T00:00:00.000Z"))
        try writer.write(ResultRow(line: 3, ref: "b", outcome: .invalid, code: "luhn", detail: "bad, \"number\""))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "nothing appears before commit")
        try writer.commit()

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("line,ref,op,outcome,code,detail,requestNo,attempts,cardID,response_cardID,cardNo,expiryDate"))
        XCTAssertTrue(lines[1].hasPrefix("2,'-1+2,card,SUCCEEDED,SUCCESS,,R1,1,SB000001,SB000001,411111******1111,"))
        XCTAssertTrue(lines[1].hasSuffix(",'=cmd|' /C calc'!A0,,2026-01-01T00:00:00.000Z"))
        XCTAssertFalse(text.contains("123,"))
        XCTAssertEqual(lines[2], "3,b,card,INVALID,luhn,\"bad, \"\"number\"\"\",,0" + String(repeating: ",", count: 15))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.url.path), ["results.csv"])
    }

    func testNestedListsAreMaskedJSON() {
        let list = JSONValue.array([
            .object(JSONObject([("cardNo", .string("5555555555554444")), ("pin", .string("123456")), ("fee", .number("1.5"))]))
        ])
        let fields = ResponseFields.safeFields(of: JSONObject([("list", list)]), for: .transactions)
        XCTAssertEqual(fields["list"], "[{\"cardNo\":\"555555******4444\",\"fee\":1.5}]")
    }
}
