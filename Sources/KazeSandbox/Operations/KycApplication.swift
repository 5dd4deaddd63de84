// KycApplication: the field checks of setUcardKyc, as the platform makes them (limits from
// KazeProtocol's FieldTable), turning a request body into a user profile. Images are checked
// (data URI, JPEG/PNG bytes) and dropped.

import Foundation
import KazeProtocol

/// A validated KYC application.
struct KycApplication: Sendable {
    let user: SandboxUser

    /// Checks every field of `fields`.
    /// - Throws: `SandboxFailure` PARAM_ERROR naming the first bad field.
    init(_ fields: Fields, now: Date) throws {
        let email = try fields.required("email")
        guard Self.isEmail(email) else { throw SandboxFailure.param("email", "is not an email address") }
        let mobileNumber = try fields.requiredDigits("mobileNumber", of: .kyc)
        let mobilePrefix = try fields.requiredDigits("mobilePrefix", of: .kyc)
        _ = try Self.country(fields, "mobilePrefixCountry")
        let firstName = try fields.requiredEnglish("firstName", of: .kyc)
        let lastName = try fields.requiredEnglish("lastName", of: .kyc)
        guard let birth = WireTime.day(try fields.required("dateOfBirth")), birth < now else {
            throw SandboxFailure.param("dateOfBirth", "must be a past date as yyyy-MM-dd")
        }
        let addressLine = try fields.requiredEnglish("addressLine", of: .kyc)
        let city = try fields.requiredEnglish("city", of: .kyc)
        let countryCode = try Self.country(fields, "countryCode")
        let postCode = try fields.requiredEnglish("postCode", of: .kyc)
        let state = try fields.requiredEnglish("state", of: .kyc)
        let idType = try fields.requiredChoice("identificationType", of: .kyc)
        _ = try fields.requiredEnglish("identificationNumber", of: .kyc)
        guard let expiry = WireTime.day(try fields.required("identificationExpiryDate")), expiry > now else {
            throw SandboxFailure.param("identificationExpiryDate", "must be a future date as yyyy-MM-dd")
        }
        try KycImage.check(fields, "frontImgBase64", required: true)
        try KycImage.check(fields, "backImgBase64", required: idType == "ID_CARD")
        try KycImage.check(fields, "handheldImgBase64", required: true)
        user = SandboxUser(
            email: email, mobileNumber: mobileNumber, mobilePrefix: mobilePrefix, firstName: firstName,
            lastName: lastName, countryCode: countryCode, state: state, city: city, addressLine: addressLine,
            postCode: postCode, status: .waiting, outcome: KycStatus.outcome(forEmail: email), settlesAt: nil,
            submittedAt: now)
    }

    /// `local@domain.tld` in printable ASCII without spaces, at most 254 characters.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= 254, parts.count == 2, !parts[0].isEmpty,
            text.allSatisfy({ $0.isASCII && !$0.isWhitespace && ($0.asciiValue ?? 0) > 0x20 })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Two uppercase ASCII letters (the sandbox does not check the code is assigned).
    private static func country(_ fields: Fields, _ name: String) throws -> String {
        let value = try fields.required(name)
        guard value.count == 2, value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw SandboxFailure.param(name, "must be an ISO 3166-1 alpha-2 code such as US")
        }
        return value
    }
}
