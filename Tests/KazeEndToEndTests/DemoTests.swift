// DemoTests: `make demo`'s script with the debug binary — every sample batch succeeds, in the
// order of a card's life, against the sandbox it starts, one request at a time and sixteen.

import Foundation
import KazeTestSupport
import XCTest

final class DemoTests: XCTestCase {
    private func demo(concurrency: Int) throws -> (status: Int32, output: String, work: URL) {
        let work = try temporaryFolder("kazedemo").url.appendingPathComponent("demo")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [PackageFolder.root.appendingPathComponent("scripts/demo.sh").path]
        var environment = ProcessInfo.processInfo.environment
        environment["KAZEBATCH"] = try KazebatchBinary.require().path
        environment["DEMO_WORK"] = work.path
        environment["DEMO_CONCURRENCY"] = String(concurrency)
        process.environment = environment
        let output = try temporaryFolder("kazedemo-out").url.appendingPathComponent("output.txt")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 180, execute: deadline)
        process.waitUntilExit()
        deadline.cancel()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8), work)
    }

    func testEverySampleSucceedsInLifecycleOrderWhateverTheConcurrency() throws {
        for concurrency in [1, 16] {
            let (status, output, work) = try demo(concurrency: concurrency)
            XCTAssertEqual(status, 0, output)
            let steps = output.split(separator: "\n").filter { $0.hasPrefix("== kazebatch run ") }
                .map { $0.split(separator: " ")[3] }
            XCTAssertEqual(
                steps,
                [
                    "kyc", "kyc-status", "assign", "activate", "set-pin", "card", "recharge", "recharge",
                    "balance", "transactions", "set-status", "close",
                ])
            let summaries = output.split(separator: "\n").filter { $0.hasPrefix("records ") }
            XCTAssertEqual(summaries.count, steps.count, output)
            for summary in summaries {
                XCTAssertTrue(summary.contains("FAILED 0 · INVALID 0 · UNKNOWN 0 · SKIPPED 0"), "\(concurrency): \(summary)")
            }
            let activated = try String(contentsOf: work.appendingPathComponent("activate.results.csv"), encoding: .utf8)
            XCTAssertTrue(activated.contains(",SUCCEEDED,SUCCESS,") && activated.contains("SBI000003"), activated)
        }
    }
}
