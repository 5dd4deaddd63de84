// Tests for making a batch's state folder: the state dir and the batch folder are created
// (mode 0700) however many of them are missing, and creating them again is harmless.

import KazeTestSupport
import XCTest

@testable import KazeBatch

final class StateFolderTests: XCTestCase {
    func testMissingStateDirAndBatchFolderAreCreatedPrivateAndCreatingAgainIsHarmless() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let state = StateFolder(batchID: "b1", stateDir: folder.path("deep/state"), inputPath: "x.csv")
        try state.create()
        try state.create()
        for created in [folder.path("deep/state"), state.path] {
            var isFolder: ObjCBool = false
            XCTAssertTrue(FileManager.default.fileExists(atPath: created, isDirectory: &isFolder) && isFolder.boolValue, created)
        }
        let mode = try FileManager.default.attributesOfItem(atPath: state.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o700)
        _ = try Journal(path: state.journalPath)
        XCTAssertTrue(FileManager.default.fileExists(atPath: state.journalPath))
    }

    func testAStateDirThatIsAFileIsAnOperatorError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path("state")))
        XCTAssertThrowsError(try StateFolder(batchID: "b1", stateDir: folder.path("state"), inputPath: "x.csv").create()) {
            guard case .io(_, let reason)? = $0 as? JournalError else { return XCTFail("\($0)") }
            XCTAssertTrue(reason.contains("cannot create the state folder"), reason)
        }
    }
}
