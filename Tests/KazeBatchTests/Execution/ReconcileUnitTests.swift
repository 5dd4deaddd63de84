// Unit tests for the pieces of reconciliation: the subject gate, complete transaction
// listings with page caps and window splitting, platform wall time and the offset model.

import Foundation
import KazeClient
import KazeProtocol
import XCTest

@testable import KazeBatch

final class ReconcileUnitTests: XCTestCase {
    func testSubjectGateKeepsInputOrderPerSubject() {
        var gate = SubjectGate<String>()
        XCTAssertTrue(gate.admit("a1", keys: ["card A"]).ready)
        XCTAssertTrue(gate.admit("b1", keys: ["card B"]).ready)
        let a2 = gate.admit("a2", keys: ["card A"])
        XCTAssertFalse(a2.ready)
        let ab = gate.admit("ab", keys: ["card A", "card B"])
        XCTAssertFalse(ab.ready)
        XCTAssertEqual(gate.finish(1).map(\.item), [], "ab still waits behind a2 on card A")
        XCTAssertEqual(gate.finish(0).map(\.item), ["a2"])
        XCTAssertEqual(gate.finish(a2.ticket).map(\.item), ["ab"])
        XCTAssertEqual(gate.finish(ab.ticket).map(\.item), [])
        XCTAssertEqual(gate.count, 0)
        XCTAssertTrue(gate.admit("free", keys: []).ready)
    }

    /// A listing over `times` (wall seconds, one transaction each), newest first, cut to
    /// `cap` per page, counting the calls.
    private final class Listing: @unchecked Sendable {
        let times: [Int]
        let cap: Int
        var calls = 0
        init(times: [Int], cap: Int) { (self.times, self.cap) = (times, cap) }

        func read(_ operation: APIOperation, _ body: JSONObject) -> CallResult {
            calls += 1
            let start = body.text("transactionStartTime").flatMap(WireTime.wallSeconds) ?? Int.min
            let end = body.text("transactionEndTime").flatMap(WireTime.wallSeconds) ?? Int.max
            let size = min(cap, Int(body["pageSize"]?.numberText ?? "10") ?? 10)
            let page = Int(body["pageNum"]?.numberText ?? "1") ?? 1
            let matching = times.enumerated().filter { $0.element >= start && $0.element <= end }.reversed()
            let items = matching.dropFirst(size * (page - 1)).prefix(size).map { index, time in
                JSONValue.object(
                    JSONObject([
                        ("transactionId", .string("T\(index)")),
                        ("transactionTime", .string(WireTime.text(wallSeconds: time))),
                    ]))
            }
            return .success(body: JSONObject([("encrypt", .string("SUCCESS")), ("list", .array(Array(items)))]))
        }
    }

    func testAListingOverThePageCapIsSplitUntilComplete() async {
        let base = 1_800_000_000
        let listing = Listing(times: (0..<2_500).map { base + $0 * 7 }, cap: 50)
        let search = TransactionSearch(read: { listing.read($0, $1) }, cardID: "SB1")
        guard case .complete(let found) = await search.list(from: base - 60, to: base + 2_500 * 7) else {
            return XCTFail("the split listing should complete")
        }
        XCTAssertEqual(found.count, 2_500)
        XCTAssertEqual(Set(found.compactMap { $0.text("transactionId") }).count, 2_500)
        XCTAssertLessThan(listing.calls, TransactionSearch.maxCalls)
    }

    func testAShortPageEndsTheListingAndAnEmptyOneToo() async {
        let listing = Listing(times: [100, 200, 300], cap: 100)
        let search = TransactionSearch(read: { listing.read($0, $1) }, cardID: "SB1")
        guard case .complete(let found) = await search.list(from: 0, to: 1_000) else { return XCTFail("complete") }
        XCTAssertEqual(found.count, 3)
        XCTAssertEqual(listing.calls, 2, "a first page of 3 is the largest seen: one more page proves the end")
    }

    func testMoreThanTenPagesInOneSecondIsIncomplete() async {
        let listing = Listing(times: Array(repeating: 500, count: 1_000), cap: 100)
        let search = TransactionSearch(read: { listing.read($0, $1) }, cardID: "SB1")
        guard case .incomplete(let reason) = await search.list(from: 0, to: 1_000) else {
            return XCTFail("ten full pages in one second cannot be listed completely")
        }
        XCTAssertTrue(reason.contains("one second"), reason)
    }

    func testAnUnreadableListingIsIncomplete() async {
        let search = TransactionSearch(read: { _, _ in .httpError(status: 502, retryAfter: nil) }, cardID: "SB1")
        guard case .incomplete = await search.list(from: 0, to: 10) else { return XCTFail("incomplete") }
    }

    func testWallSecondsAreStrict() {
        XCTAssertEqual(WireTime.wallSeconds("1970-01-01 00:00:10"), 10)
        XCTAssertEqual(WireTime.wallSeconds("2026-12-03 08:00:00").map { WireTime.text(wallSeconds: $0) }, "2026-12-03 08:00:00")
        for bad in ["2026-02-31 00:00:00", "2026-12-03T08:00:00", "2026-12-03 24:00:00", "2026-12-03 8:00:00", ""] {
            XCTAssertNil(WireTime.wallSeconds(bad), bad)
        }
    }

    func testUTCOffsetText() {
        XCTAssertEqual(UTCOffsetText.seconds("+08:00"), 28_800)
        XCTAssertEqual(UTCOffsetText.seconds("-05:30"), -19_800)
        XCTAssertEqual(UTCOffsetText.seconds("+14:00"), 50_400)
        for bad in ["+25:00", "-12:30", "+14:01", "08:00", "+8:00", "+08:60", "auto"] { XCTAssertNil(UTCOffsetText.seconds(bad), bad) }
    }

    func testOffsetModel() {
        XCTAssertEqual(PlatformOffset.combine(zone: nil, skew: nil, transaction: nil), .unknown)
        let skew = PlatformClock.Skew(low: -181, high: -179)
        let zoneless = PlatformOffset.combine(zone: nil, skew: skew, transaction: nil)
        XCTAssertEqual(zoneless.low, -181 - 12 * 3600)
        XCTAssertEqual(zoneless.high, -179 + 14 * 3600)
        let configured = PlatformOffset.combine(zone: 28_800, skew: skew, transaction: nil)
        XCTAssertEqual(configured.low, 28_800 - 181)
        let transaction = PlatformOffset(low: 28_800 - 182, high: 28_800 - 178, source: "transaction TX1")
        let measured = PlatformOffset.combine(zone: nil, skew: skew, transaction: transaction)
        XCTAssertEqual(measured.low, 28_800 - 181)
        XCTAssertEqual(measured.high, 28_800 - 179)
        XCTAssertTrue(measured.source.contains("+08:00"))
        let wrongSetting = PlatformOffset.combine(zone: 0, skew: skew, transaction: transaction)
        XCTAssertEqual(wrongSetting.low, -181, "a setting that disagrees with the measurement widens the window to both")
        XCTAssertEqual(wrongSetting.high, 28_800 - 179)
    }
}
