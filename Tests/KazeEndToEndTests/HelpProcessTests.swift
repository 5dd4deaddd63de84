// HelpProcessTests: --version, `help <command>`, -h and an unknown command's suggestion, from
// the real executable.

import Foundation
import KazeBatch
import KazeTestSupport
import XCTest

@testable import KazeCLI

final class HelpProcessTests: XCTestCase {
    func testVersionHelpAndShortHelpFlag() throws {
        let version = try KazebatchChild.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout, "kazebatch " + KazebatchVersion.text + "\n")
        XCTAssertNotNil(KazebatchVersion.text.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression))
        let help = try KazebatchChild.run(["help", "keys"])
        XCTAssertEqual(help.status, 0)
        XCTAssertEqual(help.stdout, KeysCommand.help + "\n")
        let short = try KazebatchChild.run(["validate", "recharge", "x.csv", "-h"])
        XCTAssertEqual(short.stdout, ValidateCommand.help + "\n")
        let unknownHelp = try KazebatchChild.run(["help", "vaildate"])
        XCTAssertEqual(unknownHelp.status, 2)
        XCTAssertTrue(
            unknownHelp.stderr.hasPrefix("kazebatch: unknown command \"vaildate\" (did you mean `validate`?)"),
            unknownHelp.stderr)
    }
}
