// HostileConfigTests: configuration values a careless operator writes that used to pass loading
// and fail only at send time — an endpoint port outside 1–65535.

import Foundation
import KazeTestSupport
import XCTest

@testable import KazeClient

final class HostileConfigTests: XCTestCase {
    func testEndpointPortOutOfRangeIsAConfigurationError() throws {
        let folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
        let path = folder.appendingPathComponent("kazebatch.json").path
        try Data(#"{"sysId": "1", "merchantKey": "merchant.pem", "platformPublicKey": "platform.pub"}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        for endpoint in ["http://127.0.0.1:99999/", "http://127.0.0.1:0/"] {
            XCTAssertThrowsError(try Configuration.load(configPath: path, environment: [:], flags: ["endpoint": endpoint])) {
                XCTAssertEqual("\($0)", "--endpoint: expected a URL whose port is 1 to 65535, got \"\(endpoint)\"")
            }
        }
        let fine = try Configuration.load(configPath: path, environment: [:], flags: ["endpoint": "http://127.0.0.1:65535/"])
        XCTAssertEqual(fine.endpoint.port, 65_535)
    }
}
