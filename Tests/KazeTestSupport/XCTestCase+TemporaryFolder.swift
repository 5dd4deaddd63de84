// XCTestCase+TemporaryFolder: a temporary folder tied to the test that made it.

import XCTest

extension XCTestCase {
    /// A fresh temporary folder, removed when the test ends.
    public func temporaryFolder(_ prefix: String = "kazebatch-test") throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: prefix)
        addTeardownBlock { folder.remove() }
        return folder
    }
}
