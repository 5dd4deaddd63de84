// CarelessUserProcessTests: what a careless operator meets from the real executable — a reader
// that goes away (no death by SIGPIPE), a --skip-invalid run that warns an edited file would
// be a new batch.

import Foundation
import KazeTestSupport
import XCTest

final class CarelessUserProcessTests: XCTestCase {
    private var temporary: TemporaryFolder!
    private var folder: URL { temporary.url }

    override func setUpWithError() throws {
        temporary = try temporaryFolder("kazebatch-careless")
    }

    private let recharge = "cardID,currency,amount,ref\nSB000001,USD,1.00,a\n"

    func testAReaderThatGoesAwayDoesNotKillTheProcessWithSIGPIPE() throws {
        let input = try temporary.write("r.csv", recharge)
        let process = Process()
        process.executableURL = try KazebatchBinary.require()
        process.arguments = ["validate", "recharge", input]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try output.fileHandleForReading.close()  // like `| head -c 0`: nobody will read stdout
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "killed by signal \(process.terminationStatus)")
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testSkipInvalidWarnsThatAnEditedFileWouldBeSentAgain() throws {
        let keys = folder.appendingPathComponent("keys").path
        XCTAssertEqual(try KazebatchChild.run(["keys", "generate", keys]).status, 0)
        let config = try temporary.write(
            "kazebatch.json",
            """
            {"endpoint": "http://127.0.0.1:1/", "sysId": "1", "merchantKey": "keys/merchant.pem",
             "platformPublicKey": "keys/merchant.pub"}
            """)
        let input = try temporary.write("pay.csv", "cardID,currency,amount,ref\nSB000001,USD,1.00,a\nSB000002,USD,-7,b\n")
        let run = try KazebatchChild.run(["run", "recharge", input, "--config", config, "--skip-invalid", "--max-attempts", "1"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "note: 1 invalid record is skipped. To send them once fixed, put only those rows in a"
                    + " new file: an edited \(input) is a new batch: kazebatch refuses to run it while it repeats rows this batch"
                    + " paid, and with --allow-repeat it would send every row again."), run.stderr)
    }
}
