// ValidationTestFiles: where the repository's samples are (found from this file's path, never the
// current directory), temporary input files, and running a validator to a list of outcomes.

import Foundation
import KazeProtocol
import KazeTestSupport
import XCTest

@testable import KazeBatch

/// Helpers shared by the input, validation and plan tests.
enum ValidationTestFiles {
    /// A file under `samples/`.
    static func sample(_ path: String) -> URL { PackageFolder.sample(path) }

    /// A file of this target's Fixtures folder (copied as a resource).
    static func fixture(_ name: String) throws -> URL {
        try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    }

    /// A fresh temporary folder, removed at the end of the test.
    static func folder(for test: XCTestCase) throws -> URL {
        try test.temporaryFolder("kazebatch-input").url
    }

    /// Writes `bytes` to `name` in a fresh temporary folder.
    static func write(_ bytes: [UInt8], named name: String, for test: XCTestCase) throws -> URL {
        let url = try folder(for: test).appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Writes UTF-8 `text` to `name` in a fresh temporary folder.
    static func write(_ text: String, named name: String, for test: XCTestCase) throws -> URL {
        try write(Array(text.utf8), named: name, for: test)
    }

    /// A fixed "now": 2026-06-15 12:00:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_781_524_800)

    /// Every outcome of validating `file` as `operation`.
    static func outcomes(
        _ operation: APIOperation, _ file: URL, format: InputFormat? = nil, allowDuplicates: Bool = false,
        maxImageBytes: Int = 5 * 1024 * 1024
    ) throws -> [ValidationResult] {
        let detected = try format ?? InputFormat.detect(path: file.path, override: nil)
        let options = ValidationOptions(allowDuplicates: allowDuplicates, maxImageBytes: maxImageBytes, now: now)
        var outcomes: [ValidationResult] = []
        try BatchValidator(operation: operation, file: file, format: detected, options: options).forEachRecord {
            outcomes.append($0)
        }
        return outcomes
    }

    /// The `(line, field, code)` of every issue, in order.
    static func issueKeys(_ outcomes: [ValidationResult]) -> [String] {
        outcomes.flatMap(\.issues).map { "\($0.line) \($0.field) \($0.code)" }
    }
}
