// CSVReadBack: a CSV file kazebatch wrote, read back the way its users' tools read it — with
// kazebatch's own CSVReader and with Python's `csv` module (strict RFC 4180) — so tests can
// prove an output parses to exactly the cells that were meant. The CSVReader half needs
// `@testable import`, which only a debug build allows; `swift build -c release` builds this
// target too (it is a library target), so that half exists in debug builds only — the builds
// tests run in.

import Foundation
import XCTest

#if DEBUG
@testable import KazeBatch
#endif

/// Readers of written CSV files, for tests.
public enum CSVReadBack {
    #if DEBUG
    /// Every record of `path` as read by kazebatch's CSVReader.
    public static func readWithCSVReader(_ path: String) throws -> [[String]] {
        var reader = CSVReader(source: try ByteSource(path: path))
        var row = CSVRow()
        var rows: [[String]] = []
        while try reader.next(into: &row) {
            XCTAssertNil(row.problem, "\(path) line \(row.line)")
            rows.append((0..<row.fieldCount).map { String(decoding: row.field($0), as: UTF8.self) })
        }
        return rows
    }
    #endif

    /// python3 from PATH, or nil.
    public static func python3() -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Every file's records as Python's `csv` module reads them (strict RFC 4180), in one run.
    public static func readWithPython(_ python: String, paths: [String]) throws -> [[[String]]] {
        let script = """
            import csv, json, sys
            files = []
            for path in sys.argv[1:]:
                with open(path, newline='', encoding='utf-8') as f:
                    files.append(list(csv.reader(f, strict=True)))
            json.dump(files, sys.stdout)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python's csv module read every file")
        return try JSONSerialization.jsonObject(with: data) as? [[[String]]] ?? []
    }
}
