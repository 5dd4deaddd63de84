// ProgressLineTests: off a terminal, `run` writes a progress line to stderr every
// --progress-interval seconds (rows done/total, rate, ETA, money so far).

import Foundation
import KazeTestSupport
import XCTest

final class ProgressLineTests: SandboxProcessTestCase {
    func testProgressLinesGoToStderrEveryInterval() throws {
        try fixture.startSandbox(["--cards", "60", "--latency-ms", "10"])
        var text = "cardID,currency,amount,ref\n"
        for index in 1...60 { text += "SB\(String(format: "%06d", index)),USD,1.00,g\(index)\n" }
        try text.write(toFile: folder.path("recharge.csv"), atomically: true, encoding: .utf8)
        let result = try fixture.run("recharge.csv", ["--rate", "40", "--progress-interval", "0.2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("progress ") }
        XCTAssertGreaterThanOrEqual(lines.count, 3, result.stderr)
        XCTAssertTrue(lines.last?.contains("progress 60/60 rows") ?? false, result.stderr)
        XCTAssertTrue(lines.last?.contains("USD 60") ?? false, result.stderr)
        XCTAssertTrue(lines.allSatisfy { $0.contains("req/s") && $0.contains("ETA") }, result.stderr)
    }
}
