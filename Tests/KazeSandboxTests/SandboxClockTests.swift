// SandboxClockTests: the platform clock — `--clock-offset-s` and `--utc-offset` in every
// transactionTime, in the queryTransactions time filters and in the HTTP Date header.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeSandbox

final class SandboxClockTests: XCTestCase {
    private let offset = 3 * 86_400 + 1234

    /// `date` written `yyyy-MM-dd HH:mm:ss` in a zone `zoneSeconds` east of UTC.
    private func text(_ date: Date, zoneSeconds: Int) -> String {
        WireTime.text(date.addingTimeInterval(TimeInterval(zoneSeconds)))
    }

    func testTransactionTimesFiltersAndTheDateHeaderFollowThePlatformClock() throws {
        let (sandbox, port) = try startSandbox {
            $0.cards = 1
            $0.clockOffsetSeconds = self.offset
            $0.utcOffset = UTCOffset(text: "+08:00")!
        }
        let client = try WireClient(port: port)
        let before = Date()
        let reply = try client.call("cardRecharge", RequestBodies.recharge("SB000001", "1"))
        let after = Date()
        let serverDate = try XCTUnwrap(HTTPDate.parse(reply.headers["date"]))
        XCTAssertGreaterThanOrEqual(serverDate, before.addingTimeInterval(TimeInterval(offset - 1)))
        XCTAssertLessThanOrEqual(serverDate, after.addingTimeInterval(TimeInterval(offset + 1)))
        let entry = try XCTUnwrap(
            client.call("queryTransactions", RequestBodies.card("SB000001")).body?["list"]?.arrayValue?.first?.objectValue)
        let written = try XCTUnwrap(entry.text("transactionTime"))
        let earliest = text(before.addingTimeInterval(TimeInterval(offset - 1)), zoneSeconds: 8 * 3600)
        let latest = text(after.addingTimeInterval(TimeInterval(offset + 1)), zoneSeconds: 8 * 3600)
        XCTAssertTrue(earliest <= written && written <= latest, "\(earliest) <= \(written) <= \(latest)")
        let transaction = try XCTUnwrap(sandbox.stateJSON().objectValue?["transactions"]?.arrayValue?.first?.objectValue)
        XCTAssertEqual(transaction.text("time"), written)
        let committedAt = Double(transaction["committedAtMs"]?.numberText ?? "") ?? 0
        XCTAssertEqual(committedAt / 1000, before.timeIntervalSince1970, accuracy: after.timeIntervalSince(before) + 1)

        func count(from start: String?, to end: String?) throws -> Int? {
            var body = RequestBodies.card("SB000001")
            if let start { body["transactionStartTime"] = .string(start) }
            if let end { body["transactionEndTime"] = .string(end) }
            return try client.call("queryTransactions", body).body?["list"]?.arrayValue?.count
        }
        XCTAssertEqual(try count(from: written, to: written), 1, "filters are read in the platform's zone")
        XCTAssertEqual(try count(from: nil, to: text(after, zoneSeconds: 0)), 0, "the real clock is days behind the platform's")
        XCTAssertEqual(try count(from: text(after.addingTimeInterval(TimeInterval(offset + 3600)), zoneSeconds: 8 * 3600), to: nil), 0)
        let utcText = text(before.addingTimeInterval(TimeInterval(offset)), zoneSeconds: 0)
        XCTAssertEqual(try count(from: nil, to: utcText), 0, "the same clock read as UTC is 8 hours earlier")
    }

    func testEvenARefusedHTTPRequestIsDatedByThePlatformClock() throws {
        let (_, port) = try startSandbox { $0.clockOffsetSeconds = -self.offset }
        let raw = try RawHTTPClient(port: port)
        let before = Date()
        raw.write("NONSENSE\r\n\r\n")
        let response = try raw.readResponse()
        XCTAssertEqual(response.status, 400)
        let date = try XCTUnwrap(HTTPDate.parse(response.headers["date"]))
        XCTAssertEqual(date.timeIntervalSince(before), TimeInterval(-offset), accuracy: 5)
    }

    func testUTCOffsetParsing() {
        XCTAssertEqual(UTCOffset(text: "+08:00")?.seconds, 28_800)
        XCTAssertEqual(UTCOffset(text: "-05:30")?.seconds, -19_800)
        XCTAssertEqual(UTCOffset(text: "+14:00")?.seconds, 50_400)
        XCTAssertEqual(UTCOffset(text: "-12:00")?.description, "-12:00")
        for bad in ["+25:00", "+14:01", "-12:30", "08:00", "+8:00", "+08:60", "+08-00", "", "Z", "+０８:00"] {
            XCTAssertNil(UTCOffset(text: bad), bad)
        }
    }
}
