// Tests for the hash-chained audit file and its verifier.

import KazeTestSupport
import XCTest

@testable import KazeBatch

final class AuditTests: XCTestCase {
    private var folder: TemporaryFolder!
    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private func event(_ line: Int, _ event: String, ref: String = "r") -> AuditRow {
        AuditRow(
            time: "2026-01-01T00:00:00.000Z", batch: "b1", line: line, ref: ref, apiCode: "cardRecharge",
            requestNo: "R\(line)", event: event, code: event == "SUCCEEDED" ? "SUCCESS" : "", amount: "10.50",
            currency: "USD", card: "SB000001")
    }

    private func writeChain(_ path: String, rows: Int) throws -> String {
        let log = try AuditLog(path: path)
        for line in 2..<(2 + rows) { try log.record(event(line, line % 2 == 0 ? "SENT" : "SUCCEEDED")) }
        return log.head.hash
    }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func save(_ lines: [String], _ path: String) throws {
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    func testKnownDigest() {
        XCTAssertEqual(AuditDigest.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(AuditDigest.hex(String(repeating: "a", count: 1000)).prefix(16), "41edece42d63e8d9")
    }

    func testChainContinuesAcrossRunsAndVerifies() throws {
        let path = folder.path("audit.csv")
        _ = try writeChain(path, rows: 5)
        let head = try writeChain(path, rows: 3)
        let report = try AuditVerifier.verify(path: path, expectedHeads: [.init(hash: head, origin: "--head")])
        XCTAssertEqual(report, AuditReport(rows: 8, headHash: head))
        XCTAssertEqual(try lines(path).first, AuditRow.header)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testFormulaAndLineBreaksInValuesStayOneSafeLine() throws {
        let path = folder.path("audit.csv")
        let log = try AuditLog(path: path)
        try log.record(event(2, "SENT", ref: "=HYPERLINK(\"x\")\nnext"))
        XCTAssertEqual(try lines(path).count, 3)  // header, row, empty after the final LF
        XCTAssertTrue(try lines(path)[1].contains("\"'=HYPERLINK(\"\"x\"\")<U+000A>next\""))
        XCTAssertNoThrow(try AuditVerifier.verify(path: path))
    }

    func testACRLFInsideAValueNeverBreaksTheLineAndTheFileVerifies() throws {
        let path = folder.path("audit.csv")
        let log = try AuditLog(path: path)
        try log.record(event(2, "SENT", ref: "a\r\nb\rc\nd"))  // "\r\n" is one Swift Character
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(text.unicodeScalars.contains("\r"), "no CR reaches the file")
        XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false).count, 3, "header, one row, the final LF")
        XCTAssertTrue(text.contains(",a<U+000D><U+000A>b<U+000D>c<U+000A>d,"), text)
        XCTAssertNoThrow(try AuditVerifier.verify(path: path))
    }

    func testCSVCellsQuoteEveryLineBreakScalar() {
        XCTAssertEqual(CSVFormat.cell("a\r\nb"), "\"a\r\nb\"", "a CRLF is quoted")
        XCTAssertEqual(CSVFormat.cell("a\rb"), "\"a\rb\"")
        XCTAssertEqual(CSVFormat.cell("\r\n=1"), "\"'\r\n=1\"", "a leading CR, even as part of CRLF, is neutralised")
        XCTAssertEqual(CSVFormat.row(["x", "1\r\n2"]), "x,\"1\r\n2\"\n")
        XCTAssertEqual(CSVFormat.cell("plain"), "plain")
        XCTAssertEqual(CSVFormat.cell("\t=1"), "<U+0009>=1", "a tab is written as its notation, so nothing is left to neutralise")
        XCTAssertEqual(CSVFormat.cell("a\u{1B}]0;x\u{07}\u{9B}b\u{7F}\u{0}"), "a<U+001B>]0;x<U+0007><U+009B>b<U+007F><U+0000>")
        XCTAssertEqual(CSVFormat.cell("\"\u{301}"), "\"\"\"\u{301}\"", "a quote carrying a combining mark is still doubled")
        XCTAssertEqual(CSVFormat.oneLineCell("a\r\nb"), "a<U+000D><U+000A>b", "the audit's cells hold no line break")
    }

    func testAnEditedRowIsReportedByLine() throws {
        let path = folder.path("audit.csv")
        _ = try writeChain(path, rows: 6)
        var rows = try lines(path)
        rows[3] = rows[3].replacingOccurrences(of: "10.50", with: "99.50")
        try save(rows, path)
        XCTAssertThrowsError(try AuditVerifier.verify(path: path)) {
            guard case .broken(_, let line, let reason) = $0 as? AuditError else { return XCTFail("\($0)") }
            XCTAssertEqual(line, 4)
            XCTAssertTrue(reason.contains("edited"), reason)
        }
    }

    func testDeletedAndReorderedRowsAreReported() throws {
        let path = folder.path("audit.csv")
        _ = try writeChain(path, rows: 6)
        let original = try lines(path)
        var deleted = original
        deleted.remove(at: 3)
        try save(deleted, path)
        XCTAssertThrowsError(try AuditVerifier.verify(path: path)) {
            guard case .broken(_, let line, _) = $0 as? AuditError else { return XCTFail("\($0)") }
            XCTAssertEqual(line, 4, "line 4 now holds seq 4, which does not follow seq 2")
        }
        var swapped = original
        swapped.swapAt(2, 3)
        try save(swapped, path)
        XCTAssertThrowsError(try AuditVerifier.verify(path: path)) {
            guard case .broken(_, let line, let reason) = $0 as? AuditError else { return XCTFail("\($0)") }
            XCTAssertEqual(line, 3)
            XCTAssertTrue(reason.contains("does not follow"), reason)
        }
    }

    func testTruncationIsReported() throws {
        let path = folder.path("audit.csv")
        let head = try writeChain(path, rows: 4)
        var rows = try lines(path)
        rows.removeLast(2)  // drop the last row (and the final empty piece)
        try save(rows + [""], path)
        XCTAssertThrowsError(try AuditVerifier.verify(path: path, expectedHeads: [.init(hash: head, origin: "--head")])) {
            guard case .broken(_, _, let reason) = $0 as? AuditError else { return XCTFail("\($0)") }
            XCTAssertTrue(reason.contains("cut from the end"), reason)
        }
        try save(rows + [String(try lines(folder.path("audit.csv"))[1].prefix(30))], path)
        XCTAssertThrowsError(try AuditVerifier.verify(path: path)) {
            guard case .broken(_, let line, let reason) = $0 as? AuditError else { return XCTFail("\($0)") }
            XCTAssertEqual(line, 5)
            XCTAssertTrue(reason.contains("truncated"), reason)
        }
    }
}
