// AssertExit: runs a kazebatch command line in-process and checks its exit code.

import XCTest

@testable import KazeCLI

/// Runs `words` through `CLI.run` and asserts the exit code.
func assertExit(
    _ words: [String], _ expected: ExitCode, _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) async {
    let code = await CLI.run(words)
    XCTAssertEqual(code, expected, "\(words.prefix(3).joined(separator: " ")): \(message)", file: file, line: line)
}
