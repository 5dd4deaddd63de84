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

    /// Waits (at most 20 s) until the one batch's journal in `.kazebatch/` has at least
    /// `entries` lines: a run has got that far.
    func waitForJournal(entries: Int) {
        let root = folder.path(".kazebatch")
        for _ in 0..<400 {
            if let batch = try? FileManager.default.contentsOfDirectory(atPath: root).first,
               let journal = try? String(contentsOfFile: "\(root)/\(batch)/journal.jsonl", encoding: .utf8),
               journal.split(separator: "\n").count >= entries { return }
            usleep(50_000)
        }
        XCTFail("the journal never reached \(entries) entries")
    }
}
