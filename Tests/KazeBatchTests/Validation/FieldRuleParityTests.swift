// FieldRuleParityTests: `validate` and the sandbox read the same field table but check it each
// their own way. Thousands of seeded records (valid, and each kind of invalid, from the table)
// prove that every record `validate` accepts is accepted by the sandbox's checks, and that every
// record the sandbox refuses with PARAM_ERROR is refused by `validate` naming the same field.
// The sandbox's operation code runs in-process (no HTTP), so the whole run takes seconds.

import Foundation
import KazeProtocol
import XCTest

@testable import KazeBatch
@testable import KazeSandbox

final class FieldRuleParityTests: XCTestCase {
    /// Records per operation (KYC, with the most fields, gets three times as many).
    private let recordsPerOperation = 500

    func testValidateAndTheSandboxAgreeOnEveryGeneratedRecord() async throws {
        let folder = try ValidationTestFiles.fixture("images")
        var records = ParityRecords(imageFolder: folder, random: SplitMix64(seed: 0x5EED_F1E1_D5))
        var state = SandboxState(inventorySize: 10, merchantBalance: Cents(1_000_000_000), rules: PlatformRules())
        state.seed(cards: 3, now: ValidationTestFiles.now)
        let options = ValidationOptions(now: ValidationTestFiles.now)
        var accepted = 0
        var refusedByBoth = 0
        var refusedByValidateOnly = 0
        var sandboxRefusedFields: Set<String> = []

        for operation in APIOperation.allCases {
            let count = operation == .kyc ? recordsPerOperation * 3 : recordsPerOperation
            for index in 0..<count {
                let record = records.record(operation, spoil: index % 3)
                let checked = try FieldsRecord(operation: operation, fields: record.columns, folder: folder, options: options).outcome
                let context = state.context(now: ValidationTestFiles.now, requestNo: "P\(index)", rechargeFails: false)
                let shown = "\(operation.apiCode) \(record.spoilt) \(record.columns.map { "\($0.name)=\($0.value)" })"
                if case .valid(let valid) = checked {
                    accepted += 1
                    let answer = state.run(operation, try await valid.requestBody(maxImageBytes: options.maxImageBytes), context)
                    XCTAssertNil(paramErrorField(answer), "validate accepted what the sandbox refuses: \(shown) → \(answer)")
                    continue
                }
                guard let field = paramErrorField(state.run(operation, record.wire, context)) else {
                    refusedByValidateOnly += 1
                    continue
                }
                refusedByBoth += 1
                sandboxRefusedFields.insert(field)
                let column = FieldTable.fields(of: operation).first { $0.field == field }?.name ?? field
                XCTAssertTrue(
                    checked.issues.contains { $0.field == column },
                    "the sandbox refuses \(field) but validate names \(checked.issues.map(\.field)): \(shown)")
            }
        }
        // The run covers every kind of outcome in numbers, so it cannot pass by generating nothing.
        XCTAssertGreaterThan(accepted, 1_000)
        XCTAssertGreaterThan(refusedByBoth, 2_000)
        XCTAssertGreaterThan(refusedByValidateOnly, 50)
        let checkedFields = Set(APIOperation.allCases.flatMap { FieldTable.fields(of: $0).map(\.field) })
        XCTAssertEqual(
            checkedFields.subtracting(sandboxRefusedFields).sorted(), [],
            "every field of the table is refused by the sandbox at least once")
    }

    func testTheTableHoldsTheAgreedLimits() {
        XCTAssertEqual(FieldTable.rule("mobileNumber", of: .kyc), .digits(4...15))
        for (field, limit) in [
            ("firstName", 50), ("lastName", 50), ("city", 64), ("state", 64), ("postCode", 16),
            ("identificationNumber", 32), ("addressLine", 140),
        ] {
            XCTAssertEqual(FieldTable.rule(field, of: .kyc).maxLength, limit, field)
        }
        XCTAssertEqual(APIOperation.kyc.requestFields.last, "handheldImgBase64")
    }

    /// The field a PARAM_ERROR names (its detail is `field: problem`), or nil for any other answer.
    private func paramErrorField(_ result: OperationResult) -> String? {
        guard case .error(.paramError, let detail) = result else { return nil }
        return detail.split(separator: ":").first.map(String.init)
    }
}
