// PacingClockTests: the real clock's sleep survives absurd waits — a value beyond what
// `Task.sleep(nanoseconds:)` can take trapped (UInt64 overflow); now it is clamped, and a
// cancelled task returns at once.

import XCTest

@testable import KazeBatch

final class PacingClockTests: XCTestCase {
    func testAnAbsurdSleepDoesNotTrapAndEndsWhenCancelled() async {
        let clock = SystemPacingClock()
        let sleeper = Task { await clock.sleep(seconds: 1e30) }
        sleeper.cancel()
        await sleeper.value
        await clock.sleep(seconds: -5)
        await clock.sleep(seconds: .nan)
    }
}
