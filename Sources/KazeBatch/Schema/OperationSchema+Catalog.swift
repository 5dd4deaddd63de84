// OperationSchema+Catalog: the columns of all 11 operations, from docs/PROTOCOL.md's field tables
// (Y = required, N = optional, C = conditional) and docs/DESIGN.md's validation rules.

import KazeProtocol

extension OperationSchema {
    /// The KYC identification types.
    static let identificationTypes = ["PASSPORT", "ID_CARD"]
    /// The card statuses `updCardStatus` accepts.
    static let cardStatuses = ["ACTIVE", "INACTIVE"]

    /// The card id column every card operation starts with.
    private static let cardID = ColumnSpec("cardID", .required, .text(maxLength: 64))

    static func columns(of operation: APIOperation) -> [ColumnSpec] {
        switch operation {
        case .kyc:
            [
                ColumnSpec("email", .required, .email),
                ColumnSpec("mobileNumber", .required, .digits(4...15)),
                ColumnSpec("mobilePrefix", .required, .digits(1...4)),
                ColumnSpec("mobilePrefixCountry", .required, .countryCode),
                ColumnSpec("firstName", .required, .text(maxLength: nil)),
                ColumnSpec("lastName", .required, .text(maxLength: nil)),
                ColumnSpec("dateOfBirth", .required, .date(.past)),
                ColumnSpec("addressLine", .required, .text(maxLength: 140)),
                ColumnSpec("city", .required, .text(maxLength: nil)),
                ColumnSpec("countryCode", .required, .countryCode),
                ColumnSpec("postCode", .required, .text(maxLength: nil)),
                ColumnSpec("state", .required, .text(maxLength: nil)),
                ColumnSpec("identificationType", .required, .choice(identificationTypes)),
                ColumnSpec("identificationNumber", .required, .text(maxLength: nil)),
                ColumnSpec("identificationExpiryDate", .required, .date(.future)),
                ColumnSpec("frontImgPath", .required, .image, field: "frontImgBase64"),
                ColumnSpec("backImgPath", .requiredForIDCard, .image, field: "backImgBase64"),
                ColumnSpec("handheldImgPath", .required, .image, field: "handheldImgBase64"),
            ]
        case .kycStatus: [ColumnSpec("email", .required, .email)]
        case .assign:
            [
                ColumnSpec("email", .required, .email),
                ColumnSpec("cardNumber", .required, .cardNumber),
                ColumnSpec("autoActive", .required, .boolean),
            ]
        case .activate: [cardID, ColumnSpec("activationCode", .required, .text(maxLength: 64))]
        case .setPin: [cardID, ColumnSpec("pin", .required, .pin)]
        case .card, .close: [cardID]
        case .balance: [cardID, ColumnSpec("currency", .optional, .currency)]
        case .recharge:
            [cardID, ColumnSpec("currency", .optional, .currency), ColumnSpec("amount", .required, .amount)]
        case .transactions:
            [
                cardID,
                ColumnSpec("transactionId", .optional, .text(maxLength: 64)),
                ColumnSpec("pageSize", .optional, .integer(1...100)),
                ColumnSpec("pageNum", .optional, .integer(1...10)),
                ColumnSpec("transactionStartTime", .optional, .dateTime),
                ColumnSpec("transactionEndTime", .optional, .dateTime),
            ]
        case .setStatus: [cardID, ColumnSpec("status", .required, .choice(cardStatuses))]
        }
    }
}
