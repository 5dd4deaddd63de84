// Tests for the small argument parser.

import XCTest

@testable import KazeCLI

final class ArgumentsTests: XCTestCase {
    func testPositionalsValuesAndFlags() throws {
        let args = try Arguments(
            ["recharge", "--rate", "10", "file.csv", "--burst=3", "--quiet", "--", "--literal"],
            valued: ["rate", "burst"], boolean: ["quiet"])
        XCTAssertEqual(args.positionals, ["recharge", "file.csv", "--literal"])
        XCTAssertEqual(args.value("rate"), "10")
        XCTAssertEqual(try args.integer("burst", in: 1...100), 3)
        XCTAssertTrue(args.flag("quiet"))
    }

    func testErrorsNameTheOption() {
        XCTAssertThrowsError(try Arguments(["--nope"], valued: [], boolean: [])) {
            XCTAssertEqual(($0 as? CLIError)?.message, "unknown option --nope")
        }
        XCTAssertThrowsError(try Arguments(["--rate"], valued: ["rate"], boolean: [])) {
            XCTAssertEqual(($0 as? CLIError)?.message, "option --rate needs a value")
        }
        XCTAssertThrowsError(try Arguments(["--rate", "x"], valued: ["rate"], boolean: []).integer("rate", in: 1...5))
    }
}
