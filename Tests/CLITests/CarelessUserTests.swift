// CarelessUserTests: command lines a careless operator types — an output path that is the input
// file, a folder or an empty file as an audit file, a malformed --head, a pipe as the input —
// end with a clear message and the right exit code, never a crash or a destroyed input (the
// executable's own cases: KazeEndToEndTests/CarelessUserProcessTests).

import Foundation
import KazeTestSupport
import XCTest

@testable import KazeCLI

final class CarelessUserTests: XCTestCase {
    private var temporary: TemporaryFolder!
    private var folder: URL { temporary.url }

    override func setUpWithError() throws {
        temporary = try temporaryFolder("kazebatch-careless")
    }

    private let recharge = "cardID,currency,amount,ref\nSB000001,USD,1.00,a\n"

    func testErrorsPathThatIsTheInputIsRefusedAndTheInputKept() async throws {
        let input = try temporary.write("r.csv", recharge)
        await assertExit(["validate", "recharge", input, "--errors", input], .usage)
        let dotted = folder.appendingPathComponent("./sub/../r.csv").path
        await assertExit(["validate", "recharge", input, "--errors", dotted], .usage)
        XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), recharge)
    }

    func testOutputsMustDifferFromTheInputAndFromEachOther() throws {
        let input = try temporary.write("r.csv", recharge)
        let link = folder.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        let results = folder.appendingPathComponent("out.csv").path
        XCTAssertThrowsError(try OutputPaths.checkDistinct(input: input, outputs: [("--results", link)])) {
            XCTAssertEqual(($0 as? CLIError)?.message, "--results \(link) is the same file as the input file; choose another path")
        }
        XCTAssertThrowsError(try OutputPaths.checkDistinct(input: input, outputs: [("--results", results), ("--audit", results)])) {
            XCTAssertEqual(($0 as? CLIError)?.message, "--audit \(results) is the same file as --results (\(results)); choose another path")
        }
        XCTAssertNoThrow(
            try OutputPaths.checkDistinct(
                input: input,
                outputs: [
                    ("--errors", folder.appendingPathComponent("e.csv").path), ("--results", results),
                    ("--audit", folder.appendingPathComponent("a.csv").path),
                ]))
    }

    func testAuditVerifyOfAFolderOrAnEmptyFileOrABadHead() async throws {
        await assertExit(["audit", "verify", folder.path], .usage, "a folder is unreadable, not a crash")
        let empty = try temporary.write("empty.audit.csv", "")
        await assertExit(["audit", "verify", empty], .someFailed, "an empty file is not an intact audit file")
        let headerOnly = try temporary.write(
            "h.audit.csv", "seq,time,batch,line,ref,apiCode,requestNo,event,code,amount,currency,card,prev_hash,hash\n")
        await assertExit(["audit", "verify", headerOnly], .success)
        await assertExit(["audit", "verify", headerOnly, "--head", "abc"], .usage, "--head must be 64 hex digits")
        await assertExit(["audit", "verify", headerOnly, "--head", String(repeating: "0", count: 64)], .success)
    }

    func testAPipeAsTheInputIsAUsageErrorNotAHang() async throws {
        let path = folder.appendingPathComponent("pipe.csv").path
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        await assertExit(["validate", "recharge", path, "--errors", folder.appendingPathComponent("e.csv").path], .usage)
    }
}
