// SecretsScanTests: after the whole sample lifecycle (kyc → … → close, every sample batch, run
// in-process against an in-process sandbox), no secret is anywhere kazebatch wrote: not in a
// results, errors or audit file, not in a journal, run report or state file, not on stdout or
// stderr. The secrets are the PINs and activation codes of the input, the full card numbers
// (the input's and the ones the platform answers), the image bytes, and private keys.

import Foundation
import KazeCLI
import KazeCrypto
import KazeProtocol
import KazeSandbox
import KazeSync
import KazeTestSupport
import XCTest

final class SecretsScanTests: XCTestCase {
    private static let steps = [
        ("kyc", "kyc.csv"), ("kyc-status", "kyc-status.csv"), ("assign", "assign.csv"), ("activate", "activate.csv"),
        ("set-pin", "set-pin.csv"), ("card", "card.csv"), ("recharge", "recharge.csv"), ("recharge", "recharge.jsonl"),
        ("balance", "balance.csv"), ("transactions", "transactions.jsonl"), ("set-status", "set-status.csv"), ("close", "close.csv"),
    ]

    func testNoSecretReachesAnyOutputOfTheSampleLifecycle() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let work = folder.url.appendingPathComponent("work")
        try FileManager.default.copyItem(at: PackageFolder.root.appendingPathComponent("samples"), to: work)
        try FileManager.default.removeItem(at: work.appendingPathComponent("invalid"))
        let inputs = Set(try FileManager.default.contentsOfDirectory(atPath: work.path))
        let directory = SandboxDirectory(path: folder.path("sandbox"))
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let platform = try SandboxWithClient(directory: directory, flags: [:]) { $0.cards = 10 }
        defer { platform.stop() }

        let printed = Locked("")
        let streams = ConsoleStreams(out: { text in printed.withLock { $0 += text } }, err: { text in printed.withLock { $0 += text } })
        for (operation, file) in Self.steps {
            let code = await CLI.run(
                [
                    "run", operation, work.appendingPathComponent(file).path,
                    "--config", directory.path + "/kazebatch.json", "--json",
                ], streams: streams)
            XCTAssertEqual(code, .success, "\(operation) \(file): \(printed.withLock { $0 })")
        }

        let secrets = try await secrets(in: work, platform: platform)
        XCTAssertEqual(secrets.digitRuns.count, 19, "5 PINs, 1 activation code, 3 assigned and 10 issued card numbers")
        var scanned = ["stdout and stderr": printed.withLock { $0 }]
        let outputs = FileManager.default.enumerator(at: work, includingPropertiesForKeys: nil)
        while let url = outputs?.nextObject() as? URL {
            let relative = String(url.path.dropFirst(work.path.count + 1))
            guard !inputs.contains(relative), !relative.hasPrefix("images/"), !relative.hasPrefix("images"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { continue }
            scanned[relative] = text
        }
        XCTAssertTrue(scanned.keys.contains { $0.hasSuffix("journal.jsonl") }, "the journals are scanned: \(scanned.keys.sorted())")
        XCTAssertTrue(scanned.keys.contains("card.results.csv") && scanned.keys.contains("set-pin.audit.csv"))
        XCTAssertTrue(scanned["card.results.csv"]?.contains("539998******") ?? false, "card numbers appear, masked")

        for (name, text) in scanned {
            for run in secrets.digitRuns where Self.contains(text, digits: run) {
                XCTFail("\(name) holds the secret digits \(run.prefix(2))…")
            }
            for piece in secrets.imagePieces where text.contains(piece) { XCTFail("\(name) holds image bytes") }
            XCTAssertFalse(text.contains("PRIVATE KEY"), "\(name) holds a private key")
        }
    }

    private struct Secrets {
        /// PINs, activation codes and full card numbers.
        var digitRuns: Set<String> = []
        /// Stretches of the images' base64 text.
        var imagePieces: [String] = []
    }

    private func secrets(in work: URL, platform: SandboxWithClient) async throws -> Secrets {
        var secrets = Secrets()
        for (file, column) in [("set-pin.csv", 1), ("activate.csv", 1), ("assign.csv", 1)] {
            let rows = CSVText.rows(try String(contentsOf: work.appendingPathComponent(file), encoding: .utf8)).dropFirst()
            secrets.digitRuns.formUnion(rows.map { $0[column] })
        }
        for index in 1...10 {
            let body = JSONObject([("cardID", .string(String(format: "SB%06d", index)))])
            guard case .success(let answer) = await platform.client.call(.card, body: body, requestNo: "S\(index)") else {
                return secrets
            }
            if let number = answer.text("cardNo") { secrets.digitRuns.insert(number) }
        }
        for image in try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("images").path) {
            let base64 = Base64.encode(Array(try Data(contentsOf: work.appendingPathComponent("images/\(image)"))))
            let middle = base64.index(base64.startIndex, offsetBy: base64.count / 2)
            secrets.imagePieces.append(String(base64[middle...].prefix(40)))
        }
        return secrets
    }

    /// True when `text` holds `digits` not as part of a longer run of digits.
    private static func contains(_ text: String, digits: String) -> Bool {
        var search = text[...]
        while let found = search.range(of: digits) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isNumber ?? false) && !(after?.isNumber ?? false) { return true }
            search = text[found.upperBound...]
        }
        return false
    }
}
