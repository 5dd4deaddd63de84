// SandboxFixture: starts an in-process sandbox for one test and stops it afterwards, plus the
// KYC application and image data the tests send.

import Foundation
import KazeProtocol
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

/// Request bodies the tests reuse.
enum Bodies {
    static let jpeg = "data:image/jpeg;base64," + Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46]).base64EncodedString()
    static let png = "data:image/png;base64," + Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).base64EncodedString()

    /// A valid KYC application for `email`; `changes` replaces or (with nil) removes fields.
    static func kyc(_ email: String, _ changes: [String: String?] = [:]) -> JSONObject {
        var body = JSONObject.strings([
            "email": email, "mobileNumber": "5551234567", "mobilePrefix": "1", "mobilePrefixCountry": "US",
            "firstName": "Ada", "lastName": "Lovelace", "dateOfBirth": "1990-02-28", "addressLine": "1 Main Street",
            "city": "Springfield", "countryCode": "US", "postCode": "12345", "state": "IL",
            "identificationType": "PASSPORT", "identificationNumber": "X1234567", "identificationExpiryDate": "2099-12-31",
            "frontImgBase64": jpeg, "handheldImgBase64": png,
        ])
        for (key, value) in changes { body[key] = value.map(JSONValue.string) }
        return body
    }

    static func card(_ cardID: String) -> JSONObject { .strings(["cardID": cardID]) }

    static func recharge(_ cardID: String, _ amount: String) -> JSONObject {
        JSONObject([("cardID", .string(cardID)), ("amount", .number(amount))])
    }

    static func assign(_ email: String, _ number: String, autoActive: Bool) -> JSONObject {
        JSONObject([("email", .string(email)), ("cardNumber", .string(number)), ("autoActive", .bool(autoActive))])
    }
}
