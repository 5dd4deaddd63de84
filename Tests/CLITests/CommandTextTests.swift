// The command line a run report keeps: every word, a URL's user:password never.

import XCTest

@testable import KazeCLI

final class CommandTextTests: XCTestCase {
    func testURLCredentialsAreRemovedAndWordsWithSpacesQuoted() {
        XCTAssertEqual(
            CommandText.redacted([
                "kazebatch", "run", "recharge", "my file.csv", "--endpoint", "https://ops:s3cret@api.example/v1", "--rate", "5",
            ]),
            "kazebatch run recharge 'my file.csv' --endpoint https://api.example/v1 --rate 5")
        XCTAssertEqual(
            CommandText.redacted(["--endpoint", "http://127.0.0.1:8080/a@b"]), "--endpoint http://127.0.0.1:8080/a@b",
            "an @ after the host is no credential")
    }
}
