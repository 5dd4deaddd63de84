// SandboxProcessFixture: a temporary folder with a `kazebatch sandbox` child process in it, for
// tests that run the built `kazebatch run` against it and count what the sandbox credited.

import Foundation
import KazeTestSupport
import XCTest

/// A test folder, the sandbox started in it, and `kazebatch run` against that sandbox.
final class SandboxProcessFixture {
    /// The test's folder (inputs, outputs and `.kazebatch/` live here).
    let folder: TemporaryFolder
    /// The sandbox, once `startSandbox` ran.
    private(set) var sandbox: SandboxChild?

    /// A fresh folder; fails when the kazebatch binary is not built.
    init() throws {
        try KazebatchBinary.require()
        folder = try TemporaryFolder()
    }

    /// Starts `kazebatch sandbox` with its own folder inside the test folder.
    func startSandbox(_ extra: [String]) throws {
        sandbox = try SandboxChild(directory: folder.url.appendingPathComponent("sandbox"), extra: extra)
    }

    /// The sandbox's client config (fails the test when no sandbox runs).
    func configPath() throws -> String { try XCTUnwrap(sandbox).configPath }

    /// `kazebatch run OPERATION FILE --config <sandbox> EXTRA...`, run to completion in the folder.
    func run(_ file: String, _ extra: [String] = [], operation: String = "recharge") throws -> ChildResult {
        try KazebatchChild.run(["run", operation, file, "--config", try configPath()] + extra, in: folder.url)
    }

    /// Recharge credits per card ID, read from the sandbox's state.
    func credits() async throws -> [String: Int] {
        SandboxFixture.rechargesPerCard(try await XCTUnwrap(sandbox).state())
    }

    /// Stops the sandbox and removes the folder.
    func tearDown() {
        sandbox?.stop()
        folder.remove()
    }
}
