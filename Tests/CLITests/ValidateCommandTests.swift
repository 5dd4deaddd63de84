// Tests for `kazebatch validate` and `kazebatch plan` through the CLI entry point: exit codes,
// the errors file next to the input, options, and plan's need for a configuration.

import Foundation
import KazeTestSupport
import XCTest

@testable import KazeCLI

final class ValidateCommandTests: XCTestCase {
    /// A temporary folder holding a copy of `samples/<name>`.
    private func copy(_ name: String) throws -> URL {
        let folder = try temporaryFolder("kazebatch-cli").url
        let target = folder.appendingPathComponent(URL(fileURLWithPath: name).lastPathComponent)
        try FileManager.default.copyItem(at: PackageFolder.sample(name), to: target)
        return target
    }

    func testValidFileExitsZeroAndWritesAnEmptyErrorsFile() async throws {
        let input = try copy("recharge.csv")
        let code = await CLI.run(["validate", "recharge", input.path])
        XCTAssertEqual(code, .success)
        let errors = input.deletingLastPathComponent().appendingPathComponent("recharge.errors.csv")
        XCTAssertEqual(try String(contentsOf: errors, encoding: .utf8), "line,ref,field,code,message\n")
    }

    func testInvalidFileExitsThreeWithEveryErrorInTheErrorsFile() async throws {
        let input = try copy("invalid/set-pin.csv")
        let errors = input.deletingLastPathComponent().appendingPathComponent("out/errs.csv")
        try FileManager.default.createDirectory(at: errors.deletingLastPathComponent(), withIntermediateDirectories: true)
        let code = await CLI.run(["validate", "set-pin", input.path, "--errors", errors.path])
        XCTAssertEqual(code, .validation)
        XCTAssertEqual(
            try String(contentsOf: errors, encoding: .utf8),
            """
            line,ref,field,code,message
            2,short-pin,pin,pin,pin must be exactly 6 digits
            3,letter-in-pin,pin,pin,pin must be exactly 6 digits

            """)
    }

    func testAllowDuplicatesAndFormatOverride() async throws {
        let input = try copy("transactions.jsonl")
        let renamed = input.deletingLastPathComponent().appendingPathComponent("queries.txt")
        try FileManager.default.moveItem(at: input, to: renamed)
        let withoutFormat = await CLI.run(["validate", "transactions", renamed.path])
        XCTAssertEqual(withoutFormat, .usage)
        let withFormat = await CLI.run(["validate", "transactions", renamed.path, "--format", "jsonl"])
        XCTAssertEqual(withFormat, .success)

        let folder = input.deletingLastPathComponent()
        let twice = folder.appendingPathComponent("twice.csv")
        try Data("email,cardNumber,autoActive\na@b.co,5399990000000018,true\nc@d.co,5399990000000018,true\n".utf8).write(to: twice)
        let strict = await CLI.run(["validate", "assign", twice.path])
        XCTAssertEqual(strict, .validation)
        let lenient = await CLI.run(["validate", "assign", twice.path, "--allow-duplicates"])
        XCTAssertEqual(lenient, .success)
    }

    func testUsageProblemsExitTwo() async throws {
        let input = try copy("card.csv")
        let unknownOperation = await CLI.run(["validate", "refund", input.path])
        XCTAssertEqual(unknownOperation, .usage)
        let missingFile = await CLI.run(["validate", "card", input.path + ".nope"])
        XCTAssertEqual(missingFile, .usage)
        let noFile = await CLI.run(["validate", "card"])
        XCTAssertEqual(noFile, .usage)
        let badOption = await CLI.run(["validate", "card", input.path, "--bogus"])
        XCTAssertEqual(badOption, .usage)
    }

    func testPlanNeedsAConfigurationAndFollowsValidation() async throws {
        let input = try copy("recharge.csv")
        let folder = input.deletingLastPathComponent()
        let noConfiguration = await CLI.run(["plan", "recharge", input.path, "--config", folder.appendingPathComponent("none.json").path])
        XCTAssertEqual(noConfiguration, .usage)
        let key = folder.appendingPathComponent("merchant.pem")
        try Data("not used by plan".utf8).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        let configuration = [
            "--endpoint", "http://127.0.0.1:9/", "--sys-id", "S1", "--merchant-key", key.path,
            "--platform-public-key", key.path,
        ]
        let valid = await CLI.run(["plan", "recharge", input.path] + configuration)
        XCTAssertEqual(valid, .success)
        try Data("cardID,amount\nSB1,0\n".utf8).write(to: input)
        let invalid = await CLI.run(["plan", "recharge", input.path] + configuration)
        XCTAssertEqual(invalid, .validation)
    }
}
