// ProgressPrinterTests: the live bar fits the terminal it is drawn on — its width read from a
// pseudo-terminal at 60 and 200 columns — and shows done/total, rate, ETA and money.

import Foundation
import KazeBatch
import XCTest

@testable import KazeCLI

final class ProgressPrinterTests: XCTestCase {
    private var progress: RunProgress {
        var progress = RunProgress(total: 2000)
        (progress.done, progress.succeeded, progress.failed, progress.requests, progress.elapsed) = (500, 498, 2, 510, 10)
        progress.moneySucceeded = ["USD": Decimal(string: "1245.50")!]
        return progress
    }

    /// The width `ProgressPrinter` reads from a pseudo-terminal set to `columns`.
    private func widthOfTerminal(columns: UInt16) throws -> Int? {
        var primary: Int32 = 0
        var replica: Int32 = 0
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&primary, &replica, nil, nil, &size) == 0 else { throw XCTSkip("no pseudo-terminal here") }
        defer {
            close(primary)
            close(replica)
        }
        return ProgressPrinter.columns(of: replica)
    }

    func testTheBarFitsSixtyColumns() throws {
        let columns = try XCTUnwrap(try widthOfTerminal(columns: 60))
        XCTAssertEqual(columns, 60)
        let bar = ProgressPrinter.bar(progress, columns: columns)
        XCTAssertLessThan(bar.count, 60, bar)
        for part in ["500/2000", "req/s", "ETA 0:30", "USD 1245.5"] { XCTAssertTrue(bar.contains(part), bar) }
        XCTAssertTrue(bar.hasPrefix("["), bar)
    }

    func testTheBarUsesTwoHundredColumnsWithTheCounts() throws {
        let columns = try XCTUnwrap(try widthOfTerminal(columns: 200))
        XCTAssertEqual(columns, 200)
        let bar = ProgressPrinter.bar(progress, columns: columns)
        XCTAssertLessThan(bar.count, 200, bar)
        XCTAssertTrue(bar.contains("ok 498 failed 2 unknown 0"), bar)
        XCTAssertTrue(bar.hasPrefix("[##########"), "a quarter of a 40-column bar: \(bar)")
    }

    func testAPipeIsNotATerminal() {
        let pipe = Pipe()
        XCTAssertNil(ProgressPrinter.columns(of: pipe.fileHandleForWriting.fileDescriptor))
    }
}
