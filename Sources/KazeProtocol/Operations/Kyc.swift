// setUcardKyc and queryUcardKycStatus: KYC applications and their status.

/// A KYC application (`setUcardKyc`). Images are data URIs (`data:image/jpeg;base64,...`).
public struct KycRequest: APIRequest, Equatable {
    public static let operation = APIOperation.kyc
    public typealias Response = KycStatusResponse

    public var email, mobileNumber, mobilePrefix, mobilePrefixCountry: String
    public var firstName, lastName, dateOfBirth, addressLine, city, countryCode, postCode, state: String
    public var identificationType, identificationNumber, identificationExpiryDate: String
    public var frontImgBase64: String
    public var backImgBase64: String?
    public var handheldImgBase64: String

    public init(
        email: String, mobileNumber: String, mobilePrefix: String, mobilePrefixCountry: String,
        firstName: String, lastName: String, dateOfBirth: String, addressLine: String, city: String,
        countryCode: String, postCode: String, state: String, identificationType: String,
        identificationNumber: String, identificationExpiryDate: String, frontImgBase64: String,
        backImgBase64: String?, handheldImgBase64: String
    ) {
        self.email = email
        self.mobileNumber = mobileNumber
        self.mobilePrefix = mobilePrefix
        self.mobilePrefixCountry = mobilePrefixCountry
        self.firstName = firstName
        self.lastName = lastName
        self.dateOfBirth = dateOfBirth
        self.addressLine = addressLine
        self.city = city
        self.countryCode = countryCode
        self.postCode = postCode
        self.state = state
        self.identificationType = identificationType
        self.identificationNumber = identificationNumber
        self.identificationExpiryDate = identificationExpiryDate
        self.frontImgBase64 = frontImgBase64
        self.backImgBase64 = backImgBase64
        self.handheldImgBase64 = handheldImgBase64
    }

    public var body: JSONObject {
        .compact([
            ("email", .string(email)), ("mobileNumber", .string(mobileNumber)),
            ("mobilePrefix", .string(mobilePrefix)), ("mobilePrefixCountry", .string(mobilePrefixCountry)),
            ("firstName", .string(firstName)), ("lastName", .string(lastName)),
            ("dateOfBirth", .string(dateOfBirth)), ("addressLine", .string(addressLine)),
            ("city", .string(city)), ("countryCode", .string(countryCode)), ("postCode", .string(postCode)),
            ("state", .string(state)), ("identificationType", .string(identificationType)),
            ("identificationNumber", .string(identificationNumber)),
            ("identificationExpiryDate", .string(identificationExpiryDate)),
            ("frontImgBase64", .string(frontImgBase64)), ("backImgBase64", backImgBase64.json),
            ("handheldImgBase64", .string(handheldImgBase64)),
        ])
    }
}

/// A KYC status query (`queryUcardKycStatus`).
public struct KycStatusRequest: APIRequest, Equatable {
    public static let operation = APIOperation.kycStatus
    public typealias Response = KycStatusResponse
    public var email: String
    public init(email: String) { self.email = email }
    public var body: JSONObject { JSONObject([("email", .string(email))]) }
}

/// The KYC status: `WAITING_KYC`, `REJECTED` or `PASSED`.
public struct KycStatusResponse: APIResponse, Equatable {
    public var status: String?
    public init(body: JSONObject) { status = body.text("status") }
}
