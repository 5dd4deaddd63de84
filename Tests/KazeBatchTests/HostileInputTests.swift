// HostileInputTests: files that are not what they claim to be — a folder or an empty file given
// as an audit file, a one-line file that is not an audit file given as `--audit`, a FIFO given
// as an image or as the input — end in a clear error, never in a crash, a read that blocks
// forever or rows appended to someone else's file.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class HostileInputTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        addTeardownBlock { [folder] in folder?.remove() }
    }

    /// A named pipe with no writer: opening it for reading without O_NONBLOCK blocks forever.
    private func fifo(_ name: String) throws -> String {
        let path = folder.path(name)
        guard mkfifo(path, 0o600) == 0 else { throw InputError(path: path, problem: "mkfifo failed") }
        return path
    }

    func testAuditVerifyOfAFolderIsAnIOErrorNotACrash() {
        XCTAssertThrowsError(try AuditVerifier.verify(path: folder.url.path)) { error in
            guard case AuditError.io(let path, let reason)? = error as? AuditError else {
                return XCTFail("expected AuditError.io, got \(error)")
            }
            XCTAssertEqual(path, self.folder.url.path)
            XCTAssertTrue(reason.contains("cannot be read"), reason)
        }
    }

    func testLineReaderOfAFolderThrowsJournalIOError() {
        XCTAssertThrowsError(try LineReader(path: folder.url.path).forEachLine { _, _, _ in }) { error in
            guard case JournalError.io? = error as? JournalError else { return XCTFail("got \(error)") }
        }
    }

    func testAnEmptyFileIsNotAnIntactAuditFile() throws {
        let path = folder.path("audit.csv")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        XCTAssertThrowsError(try AuditVerifier.verify(path: path)) { error in
            XCTAssertEqual(error as? AuditError, .broken(path: path, line: 1, reason: "the file is empty: not an audit file"))
        }
    }

    func testAHeaderOnlyAuditFileIsStillIntact() throws {
        let path = folder.path("audit.csv")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data((AuditRow.header + "\n").utf8)))
        let report = try AuditVerifier.verify(path: path)
        XCTAssertEqual(report.rows, 0)
        XCTAssertEqual(report.headHash, AuditRow.genesis)
    }

    func testAFIFOImageIsReportedAsNotARegularFile() throws {
        let path = try fifo("front.jpg")
        let problem = ImageCheck.problem(at: URL(fileURLWithPath: path), column: "frontImgPath", maxBytes: 5 << 20)
        XCTAssertEqual(problem?.code, .imageMissing)
        XCTAssertEqual(problem?.message, "frontImgPath \(path) is not a regular file")
    }

    func testAFIFOInputIsRefusedBecauseItIsReadTwice() throws {
        let path = try fifo("input.csv")
        XCTAssertThrowsError(try ByteSource(path: path)) { error in
            XCTAssertEqual((error as? InputError)?.path, path)
            XCTAssertTrue((error as? InputError)?.problem.hasPrefix("is not a regular file") ?? false, "\(error)")
        }
        let validator = BatchValidator(
            operation: .recharge, file: URL(fileURLWithPath: path), format: .csv,
            options: ValidationOptions(allowDuplicates: false))
        XCTAssertThrowsError(try validator.validate(writingErrorsTo: URL(fileURLWithPath: folder.path("errors.csv"))))
    }

    func testAFolderInputIsStillCalledAFolder() {
        XCTAssertThrowsError(try ByteSource(path: folder.url.path)) { error in
            XCTAssertEqual((error as? InputError)?.problem, "is a folder, not a file")
        }
    }

    func testAuditLogNeverAppendsToAOneLineFileThatIsNotAnAuditFile() throws {
        let path = folder.path("notes.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("important notes\n".utf8)))
        XCTAssertThrowsError(try AuditLog(path: path)) { error in
            XCTAssertEqual(error as? AuditError, .broken(path: path, line: 1, reason: "not an audit file header"))
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "important notes\n")
    }

    func testAuditLogContinuesAHeaderOnlyFile() throws {
        let path = folder.path("audit.csv")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data((AuditRow.header + "\n").utf8)))
        let log = try AuditLog(path: path)
        try log.record(
            AuditRow(
                time: "2026-01-01T00:00:00.000Z", batch: "b1", line: 2, ref: "r", apiCode: "cardRecharge",
                requestNo: "1", event: "SENT", code: "", amount: "1.00", currency: "USD", card: "SB1"))
        XCTAssertEqual(try AuditVerifier.verify(path: path).rows, 1)
    }
}
