// SandboxProcessTestCase: the base of test cases that run the built `kazebatch` against a sandbox
// child process — a fresh SandboxProcessFixture per test, torn down after it.

import Foundation
import KazeTestSupport
import XCTest

/// A test case with a `SandboxProcessFixture` (folder + sandbox) made for each test.
class SandboxProcessTestCase: XCTestCase {
    /// This test's folder and sandbox.
    var fixture: SandboxProcessFixture!
    /// The test's folder.
    var folder: TemporaryFolder { fixture.folder }

    override func setUpWithError() throws {
        fixture = try SandboxProcessFixture()
    }

    override func tearDown() {
        fixture.tearDown()
    }

    /// Waits (polling, at most 20 s) until a batch's journal in `.kazebatch/` has at least
    /// `entries` lines: a run has got that far.
    func waitForJournal(entries: Int) {
        let root = folder.path(".kazebatch")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let batches = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            let lines = batches.compactMap { try? String(contentsOfFile: "\(root)/\($0)/journal.jsonl", encoding: .utf8) }
                .map { $0.split(separator: "\n").count }
            if lines.contains(where: { $0 >= entries }) { return }
            usleep(20_000)
        }
        XCTFail("no journal reached \(entries) entries within 20 s")
    }
}
