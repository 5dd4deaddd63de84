// XCTestCase+Sandbox: starts an in-process sandbox with the test keys for one test and stops
// it afterwards.

import Foundation
import KazeSandbox
import KazeTestSupport
import XCTest

extension XCTestCase {
    /// A running sandbox (stopped at teardown) and its port.
    func startSandbox(_ configure: (inout SandboxOptions) -> Void = { _ in }) throws -> (Sandbox, UInt16) {
        let sandbox = try Sandbox(options: try TestKeys.options(configure))
        let port = try sandbox.start()
        addTeardownBlock { sandbox.stop() }
        return (sandbox, port)
    }
}
