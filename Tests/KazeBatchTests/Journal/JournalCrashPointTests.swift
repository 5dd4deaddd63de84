// JournalCrashPointTests: the test-only crash point is armed only by both variables, with a
// whole number of at least 1, and cuts a group of entries at exactly its Nth entry. (Its
// effect on a real process is what KazeEndToEndTests' kill tests use.)

import XCTest

@testable import KazeBatch

final class JournalCrashPointTests: XCTestCase {
    private let hooks = "KAZEBATCH_TEST_HOOKS", entries = "KAZEBATCH_TEST_KILL_AFTER_JOURNAL_ENTRIES"

    func testOnlyBothVariablesArmIt() {
        XCTAssertNil(JournalCrashPoint.armed(in: [:]))
        XCTAssertNil(JournalCrashPoint.armed(in: [entries: "5"]), "the count alone is not enough")
        XCTAssertNil(JournalCrashPoint.armed(in: [hooks: "1"]))
        XCTAssertNil(JournalCrashPoint.armed(in: [hooks: "true", entries: "5"]))
        XCTAssertNil(JournalCrashPoint.armed(in: [hooks: "1", entries: "0"]))
        XCTAssertNil(JournalCrashPoint.armed(in: [hooks: "1", entries: "-3"]))
        XCTAssertNil(JournalCrashPoint.armed(in: [hooks: "1", entries: "five"]))
        XCTAssertEqual(JournalCrashPoint.armed(in: [hooks: "1", entries: "5"]), JournalCrashPoint(entries: 5))
    }

    func testAGroupIsCutAtTheCrashPoint() {
        let point = JournalCrashPoint(entries: 5)
        XCTAssertEqual(point.writable(3, after: 0), 3)
        XCTAssertEqual(point.writable(8, after: 3), 2, "only up to the 5th entry")
        XCTAssertFalse(point.isReached(after: 4))
        XCTAssertTrue(point.isReached(after: 5))
    }
}
