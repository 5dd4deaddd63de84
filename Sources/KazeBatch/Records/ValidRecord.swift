// ValidRecord: one input record that passed every offline check, ready to be sent.
// KYC images stay on disk until `requestBody(maxImageBytes:)` reads them, checked again, at send time.

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

    /// The complete business JSON to seal: `body` plus each image read now from disk and encoded
    /// as a data URI. Each image is checked again as validation checked it (a regular file, JPEG or
    /// PNG, at most `maxImageBytes`) and never more than `maxImageBytes` + 1 bytes of it are held,
    /// however large the file has become. Images are read one record at a time, never kept; the
    /// reads run off the caller's actor.
    /// - Throws: `ImageChangedError` when an image no longer passes those checks.
    public func requestBody(maxImageBytes: Int) async throws(ImageChangedError) -> JSONObject {
        guard !images.isEmpty else { return body }
        var full = body
        let order = operation.requestFields
        let columns = OperationSchema(operation: operation).columns
        for (field, url) in images.sorted(by: { (order.firstIndex(of: $0.key) ?? 0) < (order.firstIndex(of: $1.key) ?? 0) }) {
            let column = columns.first { $0.field == field }?.name ?? field
            do {
                let image = try ImageCheck.contents(of: url, column: column, maxBytes: maxImageBytes)
                full[field] = .string(image.bytes.withUnsafeBytes { Base64.encode($0, prefix: "data:\(image.kind.rawValue);base64,") })
            } catch {
                throw ImageChangedError(problem: error.message)
            }
        }
        return JSONObject(order.compactMap { key in full[key].map { (key, $0) } })
    }
}

/// An image that passed validation but no longer passes its checks when the record is sent
/// (replaced, grown past the limit, no longer JPEG/PNG, deleted or unreadable).
public struct ImageChangedError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the image now, naming its column and path.
    public let problem: String
    public var description: String { "the image changed after validation: \(problem)" }
}

/// Telling KYC image types by magic bytes.
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
}
