// SandboxRunTestCase: the base of test cases that run the built `kazebatch` against a sandbox
// child process — a fresh SandboxRunFixture per test, torn down after it.

import KazeTestSupport
import XCTest

/// A test case with a `SandboxRunFixture` (folder + sandbox) made for each test.
class SandboxRunTestCase: XCTestCase {
    /// This test's folder and sandbox.
    var fixture: SandboxRunFixture!
    /// The test's folder.
    var folder: TemporaryFolder { fixture.folder }

    override func setUpWithError() throws {
        fixture = try SandboxRunFixture()
    }

    override func tearDown() {
        fixture.tearDown()
    }
}
