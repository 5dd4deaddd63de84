// LayeringTests: the batch engine's folders form a stack, and a file may only use types of its
// own folder or of folders below it (docs/ARCHITECTURE.md draws it). The test reads the
// sources, finds where every top-level type is declared, and fails on any reference that
// points up the stack — so a cycle between folders cannot come back unnoticed.

import Foundation
import KazeTestSupport
import XCTest

final class LayeringTests: XCTestCase {
    /// Sources/KazeBatch's folders, lowest first. A folder may use the ones before it.
    static let layers = [
        "Shared", "Schema", "Records", "Input", "Validation", "Audit", "Journal", "Guards",
        "Output", "Plan", "Execution", "Call", "Export",
    ]

    private let sources = PackageFolder.root.appendingPathComponent("Sources/KazeBatch")

    func testEveryFolderIsALayer() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: sources.path)
            .filter { !$0.hasSuffix(".swift") }
        XCTAssertEqual(Set(folders), Set(Self.layers), "a new folder needs its place in LayeringTests.layers and docs/ARCHITECTURE.md")
        let loose = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        XCTAssertEqual(loose, [], "every source file belongs to a layer folder")
    }

    func testNoFolderUsesATypeOfAFolderAboveIt() throws {
        let files = try swiftFiles()
        var owner: [String: String] = [:]
        for file in files {
            for name in Self.declaredTypes(in: file.text) where owner[name] == nil { owner[name] = file.folder }
        }
        XCTAssertGreaterThan(owner.count, 100, "the declaration scan found too few types to be meaningful")
        var violations: [String] = []
        for file in files {
            guard let level = Self.layers.firstIndex(of: file.folder) else { continue }
            for name in Set(Self.identifiers(in: file.text)) {
                guard let home = owner[name], home != file.folder,
                    let homeLevel = Self.layers.firstIndex(of: home), homeLevel > level
                else { continue }
                violations.append("\(file.folder)/\(file.name) uses \(name) from \(home)")
            }
        }
        XCTAssertEqual(violations.sorted(), [], "a reference points up the stack: move the type down, or the user up")
    }

    /// The scan itself: a declaration is found, a mention in a comment or string is not.
    func testTheScanSeesDeclarationsAndReferencesOnly() {
        let text = """
            /// Uses Ghost in a doc comment.
            public struct Visible: Sendable {
                enum Nested {}
                let other: Other  // Phantom
                let label = "Quoted"
            }
            final class Kept {}
            """
        XCTAssertEqual(Set(Self.declaredTypes(in: text)), ["Visible", "Kept"])
        let used = Set(Self.identifiers(in: text))
        XCTAssertTrue(used.contains("Other"))
        XCTAssertFalse(used.contains("Ghost"))
        XCTAssertFalse(used.contains("Phantom"))
        XCTAssertFalse(used.contains("Quoted"))
    }

    private struct SourceFile {
        let folder: String
        let name: String
        let text: String
    }

    private func swiftFiles() throws -> [SourceFile] {
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        var files: [SourceFile] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let relative = url.path.dropFirst(sources.path.count + 1)
            let folder = relative.split(separator: "/").first.map(String.init) ?? ""
            files.append(SourceFile(folder: folder, name: url.lastPathComponent, text: try String(contentsOf: url, encoding: .utf8)))
        }
        XCTAssertGreaterThan(files.count, 100, "Sources/KazeBatch not found at \(sources.path)")
        return files
    }

    /// Top-level (unindented) declarations of named types.
    static func declaredTypes(in text: String) -> [String] {
        let pattern =
            #"^(?:(?:public|internal|package|private|fileprivate|final|indirect|@\w+)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)"#
        return matches(of: pattern, in: text, options: [.anchorsMatchLines])
    }

    /// Capitalised identifiers outside comments and string literals.
    static func identifiers(in text: String) -> [String] {
        let code =
            text
            .replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #""(?:\\.|[^"\\\n])*""#, with: "\"\"", options: .regularExpression)
        return matches(of: #"\b([A-Z]\w*)\b"#, in: code, options: [])
    }

    private static func matches(of pattern: String, in text: String, options: NSRegularExpression.Options) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
