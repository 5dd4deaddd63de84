// WireMessage: the `{"head":{...},"body":{"encrypt":...}}` document of every request and
// response, read from and written to JSON. Sealing and opening are KazeCrypto's job.

import KazeCrypto

/// The `head` of a request or response.
public struct WireHead: Sendable, Equatable {
    public var apiCode: String
    public var sysId: String
    public var requestNo: String
    public var version: String
    public var sign: String
    public var keyEnc: String
    /// Response only: `SUCCESS` or an error code.
    public var code: String?
    /// Response only: human-readable text.
    public var detail: String?

    public init(
        apiCode: String, sysId: String, requestNo: String, version: String = "1.0", sign: String = "",
        keyEnc: String = "", code: String? = nil, detail: String? = nil
    ) {
        self.apiCode = apiCode
        self.sysId = sysId
        self.requestNo = requestNo
        self.version = version
        self.sign = sign
        self.keyEnc = keyEnc
        self.code = code
        self.detail = detail
    }
}

/// Why a document is not a well-formed envelope.
public struct WireFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "malformed envelope: \(reason)" }
}

/// A whole request or response document.
public struct WireMessage: Sendable, Equatable {
    public var head: WireHead
    /// `body.encrypt`; `nil` when the body is absent (allowed on error responses).
    public var encrypt: String?

    public init(head: WireHead, encrypt: String?) {
        self.head = head
        self.encrypt = encrypt
    }

    /// A message carrying `sealed` under `head` (its sign and keyEnc are replaced).
    public init(head: WireHead, sealed: SealedEnvelope) {
        var head = head
        head.sign = sealed.sign
        head.keyEnc = sealed.keyEnc
        self.init(head: head, encrypt: sealed.encrypt)
    }

    /// The sealed parts, or `nil` when the message carries no body.
    public var sealed: SealedEnvelope? {
        guard let encrypt, !encrypt.isEmpty else { return nil }
        return SealedEnvelope(sign: head.sign, keyEnc: head.keyEnc, encrypt: encrypt)
    }

    /// The platform code of a response (`nil` on requests).
    public var code: PlatformCode? { head.code.map(PlatformCode.init(rawValue:)) }

    /// Reads a message from JSON bytes.
    /// - Throws: `JSONParseError` or `WireFormatError`.
    public init(jsonBytes: [UInt8]) throws {
        guard let root = try JSONValue.parse(jsonBytes).objectValue else { throw WireFormatError("not a JSON object") }
        guard let head = root["head"]?.objectValue else { throw WireFormatError("missing head") }
        func field(_ name: String) throws -> String {
            guard let value = head[name]?.stringValue else { throw WireFormatError("missing head.\(name)") }
            return value
        }
        self.head = WireHead(
            apiCode: try field("apiCode"), sysId: try field("sysId"), requestNo: try field("requestNo"),
            version: head["version"]?.stringValue ?? "1.0", sign: head["sign"]?.stringValue ?? "",
            keyEnc: head["keyEnc"]?.stringValue ?? "", code: head["code"]?.stringValue,
            detail: head["detail"]?.stringValue
        )
        switch root["body"] {
        case nil, .null?: encrypt = nil
        case .object(let body)?: encrypt = body["encrypt"]?.stringValue
        default: throw WireFormatError("body is not an object")
        }
    }

    /// The message as a JSON value (head members in documented order).
    public var json: JSONValue {
        let headObject = JSONObject.compact([
            ("apiCode", .string(head.apiCode)), ("sysId", .string(head.sysId)),
            ("requestNo", .string(head.requestNo)), ("version", .string(head.version)),
            ("sign", .string(head.sign)), ("keyEnc", .string(head.keyEnc)),
            ("code", head.code.json), ("detail", head.detail.json),
        ])
        var root = JSONObject([("head", .object(headObject))])
        if let encrypt { root["body"] = .object(JSONObject([("encrypt", .string(encrypt))])) }
        return .object(root)
    }

    /// Compact JSON bytes for the wire.
    public var jsonBytes: [UInt8] { json.compactBytes }
}
