// SandboxKycTests: setUcardKyc field checks and the KYC status rules (delay, +reject, +wait).

import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxKycTests: XCTestCase {
    func testApplicationWaitsThenPassesWhenTheDelayIsZero() throws {
        let (_, port) = try startSandbox()
        let client = try WireClient(port: port)
        let submitted = try client.call("setUcardKyc", RequestBodies.kyc("ada@example.com"))
        XCTAssertEqual(submitted.code, "SUCCESS")
        XCTAssertEqual(submitted.text("encrypt"), "SUCCESS")
        XCTAssertEqual(submitted.text("status"), "WAITING_KYC")
        let status = try client.call("queryUcardKycStatus", .strings(["email": "ada@example.com"]))
        XCTAssertEqual(status.text("status"), "PASSED")
    }

    func testMarkersRejectOrKeepWaiting() throws {
        let (_, port) = try startSandbox()
        let client = try WireClient(port: port)
        for email in ["bob+reject@example.com", "cy+wait@example.com"] {
            XCTAssertEqual(try client.call("setUcardKyc", RequestBodies.kyc(email)).code, "SUCCESS")
        }
        XCTAssertEqual(try client.call("queryUcardKycStatus", .strings(["email": "bob+reject@example.com"])).text("status"), "REJECTED")
        XCTAssertEqual(try client.call("queryUcardKycStatus", .strings(["email": "cy+wait@example.com"])).text("status"), "WAITING_KYC")
    }

    func testLongDelayKeepsTheApplicationWaiting() throws {
        let (_, port) = try startSandbox { $0.kycDelayMs = 3_600_000 }
        let client = try WireClient(port: port)
        _ = try client.call("setUcardKyc", RequestBodies.kyc("slow@example.com"))
        XCTAssertEqual(try client.call("queryUcardKycStatus", .strings(["email": "slow@example.com"])).text("status"), "WAITING_KYC")
    }

    func testDuplicateApplicationIsAStateErrorUnlessRejected() throws {
        let (_, port) = try startSandbox()
        let client = try WireClient(port: port)
        _ = try client.call("setUcardKyc", RequestBodies.kyc("dup@example.com"))
        XCTAssertEqual(try client.call("setUcardKyc", RequestBodies.kyc("dup@example.com")).code, "STATE_ERROR")
        _ = try client.call("setUcardKyc", RequestBodies.kyc("again+reject@example.com"))
        XCTAssertEqual(try client.call("queryUcardKycStatus", .strings(["email": "again+reject@example.com"])).text("status"), "REJECTED")
        XCTAssertEqual(try client.call("setUcardKyc", RequestBodies.kyc("again+reject@example.com")).code, "SUCCESS")
    }

    func testUnknownEmailIsNotFound() throws {
        let (_, port) = try startSandbox()
        let reply = try WireClient(port: port).call("queryUcardKycStatus", .strings(["email": "nobody@example.com"]))
        XCTAssertEqual(reply.code, "NOT_FOUND")
        XCTAssertNil(reply.body)
    }

    func testEveryFieldCheckNamesTheField() throws {
        let (_, port) = try startSandbox()
        let client = try WireClient(port: port)
        let cases: [(String, [String: String?])] = [
            ("email", ["email": "not-an-email"]),
            ("mobileNumber", ["mobileNumber": nil]),
            ("mobilePrefix", ["mobilePrefix": "+1"]),
            ("mobilePrefixCountry", ["mobilePrefixCountry": "usa"]),
            ("firstName", ["firstName": "Zoë"]),
            ("dateOfBirth", ["dateOfBirth": "1990-02-30"]),
            ("dateOfBirth", ["dateOfBirth": "2999-01-01"]),
            ("addressLine", ["addressLine": String(repeating: "a", count: 141)]),
            ("countryCode", ["countryCode": "U1"]),
            ("identificationType", ["identificationType": "DRIVING"]),
            ("identificationExpiryDate", ["identificationExpiryDate": "2001-01-01"]),
            ("frontImgBase64", ["frontImgBase64": "data:image/gif;base64,R0lGOD"]),
            ("frontImgBase64", ["frontImgBase64": "data:image/jpeg;base64,***"]),
            ("handheldImgBase64", ["handheldImgBase64": RequestBodies.jpeg.replacingOccurrences(of: "jpeg", with: "png")]),
            ("backImgBase64", ["identificationType": "ID_CARD"]),
        ]
        for (index, (field, changes)) in cases.enumerated() {
            let reply = try client.call("setUcardKyc", RequestBodies.kyc("f\(index)@example.com", changes))
            XCTAssertEqual(reply.code, "PARAM_ERROR", "case \(index)")
            XCTAssertTrue(reply.head?.detail?.hasPrefix(field + ":") == true, "case \(index): \(reply.head?.detail ?? "")")
        }
        let withBack = RequestBodies.kyc("idcard@example.com", ["identificationType": "ID_CARD", "backImgBase64": RequestBodies.png])
        XCTAssertEqual(try client.call("setUcardKyc", withBack).code, "SUCCESS")
        let addressAt140 = RequestBodies.kyc("long@example.com", ["addressLine": String(repeating: "a", count: 140)])
        XCTAssertEqual(try client.call("setUcardKyc", addressAt140).code, "SUCCESS")
    }

    func testNonStringFieldIsAParamError() throws {
        let (_, port) = try startSandbox()
        var body = RequestBodies.kyc("n@example.com")
        body["mobileNumber"] = .number("5551234567")
        let reply = try WireClient(port: port).call("setUcardKyc", body)
        XCTAssertEqual(reply.code, "PARAM_ERROR")
        XCTAssertEqual(reply.head?.detail, "mobileNumber: must be a string")
    }
}
