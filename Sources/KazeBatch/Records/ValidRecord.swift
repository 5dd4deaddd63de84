// ValidRecord: one input record that passed every offline check, ready to be sent.
// KYC images stay on disk until `requestBody()` reads them at send time.

import Foundation
import KazeCrypto
import KazeProtocol

/// A record that passed validation.
public struct ValidRecord: Sendable, Equatable {
    /// 1-based physical line where the record starts (header = line 1).
    public let line: Int
    /// The user's own reference (`ref` column), or "" when absent.
    public let ref: String
    /// The operation this record asks for.
    public let operation: APIOperation
    /// The business JSON without images, in documented field order.
    public let body: JSONObject
    /// KYC only: wire field (`frontImgBase64`, ...) → image file to read and encode at send time.
    public let images: [String: URL]

    public init(line: Int, ref: String, operation: APIOperation, body: JSONObject, images: [String: URL] = [:]) {
        self.line = line
        self.ref = ref
        self.operation = operation
        self.body = body
        self.images = images
    }

    /// The recharge amount, when this record moves money.
    public var amount: Amount? { body["amount"]?.numberText.flatMap(Amount.init) }

    /// The currency the platform will use: the record's, or USD (the platform default).
    public var currency: String { body["currency"]?.stringValue ?? "USD" }

    /// The card this record acts on, if any.
    public var cardID: String? { body["cardID"]?.stringValue }

    /// The complete business JSON to seal: `body` plus each image read now from disk and
    /// encoded as a data URI. Images are read one record at a time, never kept.
    /// - Throws: `ImageReadError` when an image can no longer be read.
    public func requestBody() throws -> JSONObject {
        guard !images.isEmpty else { return body }
        var full = body
        let order = operation.requestFields
        for (field, url) in images.sorted(by: { (order.firstIndex(of: $0.key) ?? 0) < (order.firstIndex(of: $1.key) ?? 0) }) {
            full[field] = .string(try ImageFile.dataURI(contentsOf: url))
        }
        return JSONObject(order.compactMap { key in full[key].map { (key, $0) } })
    }
}

/// An image that could be read at validation time but not when the record was sent.
public struct ImageReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot read image \(path): \(reason)" }
}

/// Reading KYC images and telling their type by magic bytes.
public enum ImageFile {
    /// The image types the platform accepts.
    public enum Kind: String, Sendable {
        case jpeg = "image/jpeg"
        case png = "image/png"
    }

    /// The type by magic bytes (JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`), or `nil`.
    public static func kind(ofPrefix bytes: [UInt8]) -> Kind? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    /// `data:image/jpeg;base64,...` for the file at `url`.
    /// - Throws: `ImageReadError` when it is unreadable or not JPEG/PNG.
    public static func dataURI(contentsOf url: URL) throws -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImageReadError(path: url.path, reason: "the file cannot be read")
        }
        guard let kind = kind(ofPrefix: Array(data.prefix(8))) else {
            throw ImageReadError(path: url.path, reason: "not a JPEG or PNG file")
        }
        return data.withUnsafeBytes { Base64.encode($0, prefix: "data:\(kind.rawValue);base64,") }
    }
}
