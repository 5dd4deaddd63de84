// RequestBodies: request bodies the sandbox tests send — a valid KYC application with its
// image data, a card, a recharge, an assignment.

import Foundation
import KazeProtocol

/// Request bodies the tests reuse.
public enum RequestBodies {
    public static let jpeg = "data:image/jpeg;base64," + Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46]).base64EncodedString()
    public static let png = "data:image/png;base64," + Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).base64EncodedString()

    /// A valid KYC application for `email`; `changes` replaces or (with nil) removes fields.
    public static func kyc(_ email: String, _ changes: [String: String?] = [:]) -> JSONObject {
        var body = JSONObject.strings([
            "email": email, "mobileNumber": "5551234567", "mobilePrefix": "1", "mobilePrefixCountry": "US",
            "firstName": "Ada", "lastName": "Lovelace", "dateOfBirth": "1990-02-28", "addressLine": "1 Main Street",
            "city": "Springfield", "countryCode": "US", "postCode": "12345", "state": "IL",
            "identificationType": "PASSPORT", "identificationNumber": "X1234567", "identificationExpiryDate": "2099-12-31",
            "frontImgBase64": jpeg, "handheldImgBase64": png,
        ])
        for (key, value) in changes { body[key] = value.map(JSONValue.string) }
        return body
    }

    public static func card(_ cardID: String) -> JSONObject { .strings(["cardID": cardID]) }

    public static func recharge(_ cardID: String, _ amount: String) -> JSONObject {
        JSONObject([("cardID", .string(cardID)), ("amount", .number(amount))])
    }

    public static func assign(_ email: String, _ number: String, autoActive: Bool) -> JSONObject {
        JSONObject([("email", .string(email)), ("cardNumber", .string(number)), ("autoActive", .bool(autoActive))])
    }
}
