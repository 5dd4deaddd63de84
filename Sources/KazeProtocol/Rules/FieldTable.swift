// FieldTable: the one table of field rules — for every operation and field, whether it is
// required, its type, character set, length limits, enum values and format. From PROTOCOL.md's
// field tables (Y = required, N = optional, C = conditional) and DESIGN.md's validation rules.
// `validate` and `call` check records against it (KazeBatch); the sandbox keeps its own checks
// but reads the same limits from here, so a file that validates clean is never refused by the
// sandbox with PARAM_ERROR (proved by FieldRuleParityTests).
//
// Limits KazePay does not publish are assumptions; where `validate` and the sandbox used to
// differ, the stricter rule a real platform plausibly has won:
// - mobileNumber: 4–15 digits (E.164 allows at most 15 digits; the sandbox used to take 20);
// - firstName, lastName: at most 50 characters; city, state: at most 64; postCode: at most 16;
//   identificationNumber: at most 32 (the sandbox's limits; `validate` used to have none);
// - cardID, activationCode, transactionId: at most 64 characters (`validate`'s limit; the
//   sandbox used to have none).

/// The field rules of every operation.
public enum FieldTable {
    /// The KYC identification types.
    public static let identificationTypes = ["PASSPORT", "ID_CARD"]
    /// The card statuses `updCardStatus` accepts.
    public static let cardStatuses = ["ACTIVE", "INACTIVE"]

    /// The fields of `operation` in documented order (KYC images last, as the API lists them).
    public static func fields(of operation: APIOperation) -> [FieldSpec] { table[operation] ?? [] }

    /// The rule of API field `field` of `operation` (a programming error when there is none).
    public static func rule(_ field: String, of operation: APIOperation) -> FieldRule {
        guard let spec = fields(of: operation).first(where: { $0.field == field }) else {
            preconditionFailure("the field table has no field \(field) in \(operation.apiCode)")
        }
        return spec.rule
    }

    /// A card id: printable ASCII, at most 64 characters (assumed).
    private static let cardID = FieldSpec("cardID", .required, .text(maxLength: 64))

    private static let table: [APIOperation: [FieldSpec]] = Dictionary(
        uniqueKeysWithValues: APIOperation.allCases.map { ($0, specs(of: $0)) })

    private static func specs(of operation: APIOperation) -> [FieldSpec] {
        switch operation {
        case .kyc:
            [
                FieldSpec("email", .required, .email),
                FieldSpec("mobileNumber", .required, .digits(4...15)),
                FieldSpec("mobilePrefix", .required, .digits(1...4)),
                FieldSpec("mobilePrefixCountry", .required, .countryCode),
                FieldSpec("firstName", .required, .text(maxLength: 50)),
                FieldSpec("lastName", .required, .text(maxLength: 50)),
                FieldSpec("dateOfBirth", .required, .date(.past)),
                FieldSpec("addressLine", .required, .text(maxLength: 140)),
                FieldSpec("city", .required, .text(maxLength: 64)),
                FieldSpec("countryCode", .required, .countryCode),
                FieldSpec("postCode", .required, .text(maxLength: 16)),
                FieldSpec("state", .required, .text(maxLength: 64)),
                FieldSpec("identificationType", .required, .choice(identificationTypes)),
                FieldSpec("identificationNumber", .required, .text(maxLength: 32)),
                FieldSpec("identificationExpiryDate", .required, .date(.future)),
                FieldSpec("frontImgPath", .required, .image, field: "frontImgBase64"),
                FieldSpec("backImgPath", .requiredForIDCard, .image, field: "backImgBase64"),
                FieldSpec("handheldImgPath", .required, .image, field: "handheldImgBase64"),
            ]
        case .kycStatus: [FieldSpec("email", .required, .email)]
        case .assign:
            [
                FieldSpec("email", .required, .email),
                FieldSpec("cardNumber", .required, .cardNumber),
                FieldSpec("autoActive", .required, .boolean),
            ]
        case .activate: [cardID, FieldSpec("activationCode", .required, .text(maxLength: 64))]
        case .setPin: [cardID, FieldSpec("pin", .required, .pin)]
        case .card, .close: [cardID]
        case .balance: [cardID, FieldSpec("currency", .optional, .currency)]
        case .recharge:
            [cardID, FieldSpec("currency", .optional, .currency), FieldSpec("amount", .required, .amount)]
        case .transactions:
            [
                cardID,
                FieldSpec("transactionId", .optional, .text(maxLength: 64)),
                FieldSpec("pageSize", .optional, .integer(1...100)),
                FieldSpec("pageNum", .optional, .integer(1...10)),
                FieldSpec("transactionStartTime", .optional, .dateTime),
                FieldSpec("transactionEndTime", .optional, .dateTime),
            ]
        case .setStatus: [cardID, FieldSpec("status", .required, .choice(cardStatuses))]
        }
    }
}
