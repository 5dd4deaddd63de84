// HostileInput+OutputTests: the hostile-input catalogue for outputs (issue 14, items 2, 5, 6).
// Each case feeds a value built to break a file or a terminal — a CRLF inside a quoted cell,
// ESC/BEL/NUL/DEL/C1 controls, a BOM in a column name, a forged `kazebatch:` line, a 50,000-
// character platform detail, a metal as a currency — through the real binary (against a sandbox
// where it sends) or the writer concerned, and asserts the exit code, the message, that every
// file still parses as RFC 4180 and that no raw control character reaches stdout or stderr.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class HostileInputOutputTests: SandboxProcessTestCase {
    /// Raw bytes that must never reach a terminal: ESC, BEL, NUL, DEL, CR, and C1 NEL/CSI in UTF-8.
    private static let forbidden: [[UInt8]] = [[0x1B], [0x07], [0x00], [0x7F], [0x0D], [0xC2, 0x85], [0xC2, 0x9B]]

    private func assertTerminalSafe(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        for sequence in Self.forbidden where bytes.indices.contains(where: { bytes[$0...].starts(with: sequence) }) {
            XCTFail("\(what) holds the raw bytes \(sequence): \(text.debugDescription)", file: file, line: line)
        }
    }

    private func write(_ name: String, _ bytes: String) throws {
        try Data(bytes.utf8).write(to: folder.url.appendingPathComponent(name))
    }

    /// The issue's repro: `printf 'cardID,ref\r\nSB000001,"a\r\nb"\r\n' > card.csv`, `run card`,
    /// `audit verify card.audit.csv`.
    func testACRLFInsideAQuotedRefKeepsTheResultsParsableAndTheAuditVerifiable() throws {
        try fixture.startSandbox(["--cards", "3"])
        try write("card.csv", "cardID,ref\r\nSB000001,\"a\r\nb\"\r\n")
        let run = try fixture.run("card.csv", ["--quiet"], operation: "card")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")

        let results = try CSVReadBack.readWithCSVReader(folder.path("card.results.csv"))
        XCTAssertEqual(results.count, 2, "header and one row, not the 3 a raw CRLF made")
        let ref = try XCTUnwrap(results[0].firstIndex(of: "ref"))
        XCTAssertEqual(Array(results[1][ref].utf8), Array("a\r\nb".utf8), "the CRLF stays inside the quoted cell")
        XCTAssertEqual(results[1][3], "SUCCEEDED")
        if let python = CSVReadBack.python3() {
            let parsed = try CSVReadBack.readWithPython(python, paths: [folder.path("card.results.csv")])
            XCTAssertEqual(parsed.first?.map { $0.map { Array($0.utf8) } }, results.map { $0.map { Array($0.utf8) } })
        }

        let audit = try String(contentsOfFile: folder.path("card.audit.csv"), encoding: .utf8)
        XCTAssertFalse(audit.unicodeScalars.contains("\r"), "no CR in the audit")
        XCTAssertTrue(audit.contains(",a<U+000D><U+000A>b,"), audit)
        let verify = try KazebatchChild.run(["audit", "verify", "card.audit.csv"], in: folder.url)
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        XCTAssertTrue(verify.stdout.hasPrefix("card.audit.csv: chain intact, "), verify.stdout)
    }

    /// Control characters in a ref (sent) and in a cardID (invalid, echoed): visible as
    /// `<U+XXXX>` in the results, errors and audit files, never raw on the terminal.
    func testControlCharactersInCellsAreVisibleInEveryFileAndNeverRawOnTheTerminal() throws {
        try fixture.startSandbox(["--cards", "3"])
        let hostile = "\u{1B}[2J\u{07}\u{7F}\u{85}\u{9B}"
        try write("card.csv", "cardID,ref\nSB000001,r\(hostile)x\nSB0\(hostile)2,bad\n")
        let run = try fixture.run("card.csv", ["--skip-invalid"], operation: "card")
        XCTAssertEqual(run.status, 1, "an invalid row skipped is a row not done: " + run.stderr)
        assertTerminalSafe(run.stdout, "stdout")
        assertTerminalSafe(run.stderr, "stderr")
        let shown = "<U+001B>[2J<U+0007><U+007F><U+0085><U+009B>"
        for name in ["card.results.csv", "card.errors.csv", "card.audit.csv"] {
            let text = try String(contentsOfFile: folder.path(name), encoding: .utf8)
            assertTerminalSafe(text.replacingOccurrences(of: "\r", with: ""), name)
            XCTAssertTrue(text.contains(shown), "\(name): \(text)")
        }
        let errors = try CSVReadBack.readWithCSVReader(folder.path("card.errors.csv"))
        XCTAssertEqual(errors.count, 2)
        XCTAssertEqual(errors[1][2], "cardID")
        XCTAssertTrue(errors[1][4].hasPrefix("cardID 'SB0\(shown)2'"), errors[1][4])
        XCTAssertEqual(try KazebatchChild.run(["audit", "verify", "card.audit.csv"], in: folder.url).status, 0)
    }

    /// An echoed value cannot set the terminal's title nor forge a `kazebatch:` line.
    func testCallEchoesAHostileValueEscapedOnOneLine() throws {
        let result = try KazebatchChild.run(["call", "queryCard", "cardID=SB1\u{1B}]0;pwned\u{07}\nkazebatch: forged"], in: folder.url)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(
            result.stderr,
            "kazebatch: cardID 'SB1<U+001B>]0;pwned<U+0007><U+000A>kazebatch: forged' has U+001B (a control character)"
                + " at position 4; only ref may hold control characters, invisible characters or non-ASCII spaces"
                + " [hidden_character]\nnothing was sent\n")
        XCTAssertEqual(result.stdout, "")
    }

    /// A BOM and an ESC in a column name are named visibly in the errors file.
    func testAColumnNameWithABOMAndAnEscapeIsNamedVisibly() throws {
        try write("card.csv", "\u{FEFF}cardID,\u{FEFF}re\u{1B}f\r\nSB000001,x\r\n")
        let result = try KazebatchChild.run(["validate", "card", "card.csv"], in: folder.url)
        XCTAssertEqual(result.status, 3, result.stdout + result.stderr)
        assertTerminalSafe(result.stdout + result.stderr, "validate's output")
        XCTAssertTrue(result.stdout.contains("errors   1 (unknown_column 1)"), result.stdout)
        let errors = try CSVReadBack.readWithCSVReader(folder.path("card.errors.csv"))
        XCTAssertEqual(errors[1][3], "unknown_column")
        XCTAssertTrue(errors[1][4].hasPrefix("column '<U+FEFF>re<U+001B>f' is not a card column"), errors[1][4])
    }

    /// A metal is an ISO 4217 code, not a currency a card holds: refused before anything is sent.
    func testAMetalCurrencyIsRefusedByCallBeforeSending() throws {
        let result = try KazebatchChild.run(["call", "cardRecharge", "cardID=SB000001", "amount=10", "currency=XAU"], in: folder.url)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(
            result.stderr,
            "kazebatch: currency 'XAU' is an ISO 4217 code but not a currency a card can hold"
                + " (a metal, fund, testing or accounting unit) [currency]\nnothing was sent\n")
    }

    /// A platform detail with escapes, a forged line and 50,000 characters, and a card from
    /// the cards file with a CSI: `export`'s problem line (printed on stderr) is escaped and cut.
    func testAHostilePlatformDetailIsEscapedAndCappedInExportProblems() async throws {
        let detail = "\u{1B}]0;pwned\u{07}\r\nkazebatch: forged" + String(repeating: "x", count: 50_000)
        var options = ExecutionOptions()
        (options.rate, options.burst, options.maxAttempts) = (1_000, 1_000, 1)
        let export = CardExport(api: RefusingAPI(detail: detail), options: options, makeRequestNo: { "R1" })
        let report = try await export.balances(of: ["SB\u{9B}1"], to: folder.path("b.csv"))
        XCTAssertEqual(report.rows, 0)
        let message = ExportError.incomplete(report.problems).description
        assertTerminalSafe(message, "the export problem")
        XCTAssertFalse(message.contains("\n"), "one line: nothing forged")
        XCTAssertTrue(message.hasPrefix("1 card could not be exported completely: SB<U+009B>1: "), message)
        XCTAssertTrue(message.contains("PARAM_ERROR"), message)
        XCTAssertTrue(message.hasSuffix("…"), "cut after 300 characters")
        XCTAssertLessThan(message.count, 500)
    }

    /// The last guard before the terminal keeps a message's own line breaks only; JSON for
    /// stdout escapes the same characters as `\uXXXX`, and still parses to the same value.
    func testTheTerminalGuardsKeepLineBreaksOfMessagesAndJSONValues() throws {
        XCTAssertEqual(SafeText.lines("one\ntwo\r\u{1B}[K\u{85}"), "one\ntwo<U+000D><U+001B>[K<U+0085>")
        let value = JSONValue.object(JSONObject([("detail", .string("a\u{1B}b\u{85}c\u{202E}d\né"))]))
        let shown = SafeText.json(value.compactText)
        XCTAssertEqual(shown, #"{"detail":"a\u001bb\u0085c\u202ed\né"}"#)
        assertTerminalSafe(shown, "JSON on stdout")
        XCTAssertEqual(try JSONValue.parse(shown), value, "the same document, as data")
    }
}

/// A platform that refuses every call with `PARAM_ERROR` and the given detail.
private struct RefusingAPI: CardAPI {
    let detail: String

    func call(_ operation: APIOperation, body: JSONObject, requestNo: String) async -> CallResult {
        .platformError(code: PlatformCode(rawValue: "PARAM_ERROR"), detail: detail, retryAfter: nil)
    }
}
