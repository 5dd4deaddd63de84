// HostileInput+BoundsTests: the hostile-input catalogue's bounds cases — a record of millions of
// fields, a JSON object of thousands of keys or nested thousands deep: each is one clear syntax
// error for its record, the next record is still read, and the memory held stays bounded. A KYC
// image changed after validation (300 MB, not an image, deleted) fails its row IMAGE_CHANGED
// before anything is sent or SENT is journaled. A 503 from the sandbox's connection cap does not
// prove "not done" (PROTOCOL.md): a money move is left in doubt, a read is asked again.

import Foundation
import KazeClient
import KazeProtocol
import KazeSandbox
import KazeTestSupport
import XCTest

@testable import KazeBatch

final class HostileInputBoundsTests: XCTestCase {
    /// A CSV record of 4 million empty fields (a few MB of commas) between two valid records.
    private static let commaLine = String(repeating: ",", count: 4_000_000)

    func testAMillionFieldRecordIsOneCSVSyntaxErrorAndTheNextRecordIsStillRead() throws {
        let file = try ValidationTestFiles.write(
            "cardID,amount,currency,ref\nSB000001,10,USD,r1\n\(Self.commaLine)\nSB000002,12,USD,r3\n", named: "commas.csv", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, file)
        XCTAssertEqual(outcomes.map(\.line), [2, 3, 4])
        XCTAssertEqual(ValidationTestFiles.issueKeys(outcomes), ["3  csv_syntax"])
        XCTAssertEqual(outcomes[1].issues.first?.message, "the record has more than 4096 fields (the limit per record)")
        guard case .valid(let after) = outcomes[2] else { return XCTFail("line 4 is not read: \(outcomes[2])") }
        XCTAssertEqual(after.ref, "r3")
    }

    func testTheReaderKeepsAtMostTheLimitOfFieldsWhileSkippingTheRest() throws {
        let url = try ValidationTestFiles.write("\(Self.commaLine)\na,b\n", named: "commas.csv", for: self)
        var reader = CSVReader(source: try ByteSource(path: url.path))
        var row = CSVRow()
        XCTAssertTrue(try reader.next(into: &row))
        XCTAssertEqual(row.problem, "the record has more than 4096 fields (the limit per record)")
        XCTAssertEqual(row.fieldCount, CSVReader.maxFields)
        XCTAssertLessThan(row.ends.capacity, 2 * CSVReader.maxFields, "the skipped fields were kept")
        XCTAssertTrue(try reader.next(into: &row))
        XCTAssertNil(row.problem)
        XCTAssertEqual(row.line, 2)
        XCTAssertEqual(row.fieldCount, 2)
    }

    func testExactlyTheLimitOfFieldsIsRead() throws {
        let atLimit = Array(repeating: "x", count: CSVReader.maxFields).joined(separator: ",")
        let url = try ValidationTestFiles.write("\(atLimit)\n\(atLimit),x\n\(atLimit),\n", named: "limit.csv", for: self)
        var reader = CSVReader(source: try ByteSource(path: url.path))
        var row = CSVRow()
        XCTAssertTrue(try reader.next(into: &row))
        XCTAssertNil(row.problem)
        XCTAssertEqual(row.fieldCount, CSVReader.maxFields)
        for line in [2, 3] {  // one field more: a last field with data, or an empty one after a trailing comma
            XCTAssertTrue(try reader.next(into: &row))
            XCTAssertEqual(row.line, line)
            XCTAssertEqual(row.problem, "the record has more than 4096 fields (the limit per record)", "line \(line)")
        }
        XCTAssertFalse(try reader.next(into: &row))
    }

    func testAHeaderOfTooManyFieldsStopsTheFileWithTheLimitNamed() throws {
        let file = try ValidationTestFiles.write("\(Self.commaLine)\nSB000001,10,USD,r1\n", named: "header.csv", for: self)
        XCTAssertThrowsError(try ValidationTestFiles.outcomes(.recharge, file)) { error in
            XCTAssertEqual(
                error as? InputError,
                InputError(
                    path: file.path,
                    problem: "line 1: the header row is malformed: the record has more than 4096 fields (the limit per record)"))
        }
    }

    func testAJSONObjectOfTooManyKeysIsOneSyntaxErrorAndTheNextLineIsStillRead() throws {
        let keys = (0...CSVReader.maxFields).map { "\"k\($0)\":1" }.joined(separator: ",")
        let file = try ValidationTestFiles.write(
            "{\"cardID\":\"SB000001\",\"amount\":\"10\",\"ref\":\"r1\"}\n{\(keys)}\n{\"cardID\":\"SB000002\",\"amount\":\"12\",\"ref\":\"r3\"}\n",
            named: "keys.jsonl", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, file)
        XCTAssertEqual(ValidationTestFiles.issueKeys(outcomes), ["2  json_syntax"])
        let message = try XCTUnwrap(outcomes[1].issues.first?.message)
        XCTAssertTrue(message.hasSuffix("an object has more than 4096 members (the limit per object)"), message)
        guard case .valid(let after) = outcomes[2] else { return XCTFail("line 3 is not read: \(outcomes[2])") }
        XCTAssertEqual(after.ref, "r3")
    }

    func testAJSONLineNestedAHundredThousandDeepIsOneSyntaxError() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let file = try ValidationTestFiles.write("\(deep)\n{\"cardID\":\"SB000002\",\"amount\":\"12\"}\n", named: "deep.jsonl", for: self)
        let outcomes = try ValidationTestFiles.outcomes(.recharge, file)
        XCTAssertEqual(ValidationTestFiles.issueKeys(outcomes), ["1  json_syntax"])
        XCTAssertTrue(outcomes[0].issues[0].message.hasSuffix("nested more than 64 levels"), outcomes[0].issues[0].message)
        XCTAssertEqual(outcomes.count, 2)
    }

    func testValidateOfAMillionFieldRecordExitsThreeAndNamesLineAndLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = folder.path("commas.csv")
        try Data("cardID,amount,currency,ref\nSB000001,10,USD,r1\n\(Self.commaLine)\nSB000002,12,USD,r3\n".utf8)
            .write(to: URL(fileURLWithPath: input))
        let result = try KazebatchChild.run(["validate", "recharge", input], in: folder.url)
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stdout.contains("valid    2"), result.stdout)
        let errors = try String(contentsOfFile: folder.path("commas.errors.csv"), encoding: .utf8)
        XCTAssertEqual(errors, "line,ref,field,code,message\n3,,,csv_syntax,the record has more than 4096 fields (the limit per record)\n")
    }

    // MARK: KYC images changed after validation

    func testAnImageThatGrewTo300MBIsRefusedWithoutBeingRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("front.jpg")
        try Self.growToSparse300MB(path)
        XCTAssertThrowsError(try ImageCheck.contents(of: URL(fileURLWithPath: path), column: "frontImgPath", maxBytes: 5 << 20)) {
            XCTAssertEqual(
                $0 as? FieldProblem, FieldProblem(.imageTooLarge, "frontImgPath \(path) is 314572800 bytes; the limit is 5242880"))
        }
        let jpeg = try Data(contentsOf: ValidationTestFiles.sample("images/passport-front.jpg"))
        try jpeg.write(to: URL(fileURLWithPath: path))
        let image = try ImageCheck.contents(of: URL(fileURLWithPath: path), column: "frontImgPath", maxBytes: jpeg.count)
        XCTAssertEqual(image.kind, .jpeg)
        XCTAssertEqual(Data(image.bytes), jpeg)
        XCTAssertThrowsError(try ImageCheck.contents(of: URL(fileURLWithPath: path), column: "frontImgPath", maxBytes: jpeg.count - 1))
    }

    func testImagesChangedAfterValidationFailTheirRowsBeforeAnythingIsSent() async throws {
        let fixture = try SandboxFixture(cards: 1, faults: FaultOptions())
        defer { fixture.stop() }
        let images = fixture.folder.url.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        var csv =
            "email,mobileNumber,mobilePrefix,mobilePrefixCountry,firstName,lastName,dateOfBirth,addressLine,city,"
            + "countryCode,postCode,state,identificationType,identificationNumber,identificationExpiryDate,"
            + "frontImgPath,backImgPath,handheldImgPath,ref\n"
        for line in 2...5 {
            for name in ["front\(line).jpg", "selfie\(line).jpg"] {
                try FileManager.default.copyItem(
                    at: ValidationTestFiles.sample("images/passport-front.jpg"),
                    to: images.appendingPathComponent(name))
            }
            csv +=
                "user\(line)@example.com,91234567,65,SG,Ann,Lee,1990-04-12,12 Orchard Road,Singapore,SG,238823,Singapore,"
                + "PASSPORT,E123456\(line)K,2034-06-30,images/front\(line).jpg,,images/selfie\(line).jpg,kyc-\(line)\n"
        }
        let input = fixture.folder.url.appendingPathComponent("kyc.csv")
        try Data(csv.utf8).write(to: input)
        let outcomes = try ValidationTestFiles.outcomes(.kyc, input)
        XCTAssertEqual(outcomes.flatMap(\.issues), [])

        // After validation: line 3's front image becomes 300 MB, line 4's a text file, line 5's is deleted.
        try Self.growToSparse300MB(images.appendingPathComponent("front3.jpg").path)
        try Data("not an image".utf8).write(to: images.appendingPathComponent("selfie4.jpg"))
        try FileManager.default.removeItem(at: images.appendingPathComponent("front5.jpg"))

        var options = ExecutionOptions()
        (options.rate, options.burst, options.concurrency) = (100, 10, 2)
        let folder = StateFolder(batchID: "kyc-batch", stateDir: fixture.folder.path("state"), inputPath: input.path)
        let runner = BatchRunner(
            operation: .kyc, batchID: "kyc-batch", source: ArraySource(records: outcomes), api: fixture.client, options: options,
            folder: folder, resultsPath: fixture.folder.path("results.csv"), auditPath: fixture.folder.path("audit.csv"),
            makeRequestNo: RequestNumber.make)
        let outcome = try await runner.run(scan: try Harness.scan(ArraySource(records: outcomes)))
        XCTAssertEqual(outcome.summary.count(.succeeded), 1)
        XCTAssertEqual(outcome.summary.count(.failed), 3)

        let results = try String(contentsOfFile: runner.resultsPath, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(
            results.map { "\($0[0]) \($0[3]) \($0[4])" },
            ["2 SUCCEEDED SUCCESS", "3 FAILED IMAGE_CHANGED", "4 FAILED IMAGE_CHANGED", "5 FAILED IMAGE_CHANGED"])
        let front3 = images.appendingPathComponent("front3.jpg").standardizedFileURL.path
        let selfie4 = images.appendingPathComponent("selfie4.jpg").standardizedFileURL.path
        let front5 = images.appendingPathComponent("front5.jpg").standardizedFileURL.path
        XCTAssertEqual(results[1][5], "the image changed after validation: frontImgPath \(front3) is 314572800 bytes; the limit is 5242880")
        XCTAssertEqual(results[2][5], "the image changed after validation: handheldImgPath \(selfie4) is not a JPEG or PNG file")
        XCTAssertEqual(results[3][5], "the image changed after validation: frontImgPath \(front5) does not exist")

        let journal = try String(contentsOfFile: folder.journalPath, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONValue.parse(String($0)).objectValue }
        let sentLines = journal.filter { $0.text("state") == "SENT" }.compactMap { $0["line"]?.numberText }
        XCTAssertEqual(sentLines, ["2"], "no SENT for a row whose image changed")
        let audit = try String(contentsOfFile: runner.auditPath, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(audit.filter { $0[7] == "SENT" }.map { $0[3] }, ["2"], "no SENT in the audit for a changed image")
        XCTAssertEqual(
            audit.filter { $0[8] == "IMAGE_CHANGED" }.map { "\($0[3]) \($0[7])" }.sorted(), ["3 FAILED", "4 FAILED", "5 FAILED"])

        let state = fixture.sandbox.stateJSON().objectValue
        let applicants = state?["users"]?.arrayValue?.compactMap { $0.objectValue?.text("email") }.filter { $0.hasSuffix("@example.com") }
        XCTAssertEqual(applicants, ["user2@example.com"], "the sandbox received line 2's KYC only")
        XCTAssertEqual(state?["http"]?.objectValue?["requests"], .number("1"), "one request reached the sandbox: line 2's")
    }

    // MARK: the sandbox's caps, seen by the client

    func testA503FromTheConnectionCapLeavesARechargeInDoubtAndAReadIsAskedAgain() async throws {
        let fixture = try SandboxFixture(cards: 1, faults: FaultOptions()) { $0.limits.maxConnections = 0 }
        defer { fixture.stop() }
        let outcome = await fixture.client.call(
            .recharge, body: JSONObject([("cardID", .string("SB000001")), ("amount", .number("10"))]),
            requestNo: RequestNumber.make())
        XCTAssertEqual(outcome, .httpError(status: 503, retryAfter: 1))
        XCTAssertFalse(outcome.isTransient, "a 503 is not one of PROTOCOL.md's proofs that nothing was done")
        XCTAssertEqual(
            CallVerdict(outcome, operation: .recharge),
            .inDoubt(code: "HTTP_503", detail: "HTTP 503 without a platform answer"))
        XCTAssertEqual(
            CallVerdict(outcome, operation: .balance),
            .transient(code: "HTTP_503", detail: "HTTP 503 without a platform answer", retryAfter: nil, rateLimited: false))
        XCTAssertEqual(fixture.rechargesPerCard(), [:])
        XCTAssertEqual(fixture.sandbox.stateJSON().objectValue?["http"]?.objectValue?["refusedConnections"], .number("1"))
    }

    /// Replaces `path` by a 300 MB sparse file that still starts with JPEG magic bytes.
    private static func growToSparse300MB(_ path: String) throws {
        try Data([0xFF, 0xD8, 0xFF, 0xE0]).write(to: URL(fileURLWithPath: path))
        guard truncate(path, 300 << 20) == 0 else { throw InputError(path: path, problem: "truncate failed") }
    }
}
