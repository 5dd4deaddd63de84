// TornTail: simulates a crash in the middle of a journal write — an unterminated partial
// line appended to the end of the file.

import Foundation
import XCTest

/// Appends `partial` (no trailing LF) to the file at `path`, as a crash mid-write leaves it.
func appendTornTail(_ partial: String, to path: String) throws {
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(partial.utf8))
    try handle.close()
}
