// KycImage: checks that a KYC image field is a `data:image/jpeg|png;base64,` URI whose bytes
// really are JPEG or PNG. The bytes are never stored or echoed.

import Foundation

/// KYC image field checks.
enum KycImage {
    /// Checks field `name`; absent is fine only when not `required`.
    /// - Throws: `SandboxFailure` PARAM_ERROR naming the field.
    static func check(_ fields: Fields, _ name: String, required: Bool) throws {
        guard let value = try fields.optional(name) else {
            if required { throw SandboxFailure.param(name, "is required") }
            return
        }
        let jpeg = "data:image/jpeg;base64,"
        let png = "data:image/png;base64,"
        let payload: Substring
        let magic: [UInt8]
        if value.hasPrefix(jpeg) {
            payload = value.dropFirst(jpeg.count)
            magic = [0xFF, 0xD8, 0xFF]
        } else if value.hasPrefix(png) {
            payload = value.dropFirst(png.count)
            magic = [0x89, 0x50, 0x4E, 0x47]
        } else {
            throw SandboxFailure.param(name, "must be a data URI data:image/jpeg;base64,... or data:image/png;base64,...")
        }
        guard let bytes = Data(base64Encoded: String(payload)), !bytes.isEmpty else {
            throw SandboxFailure.param(name, "is not valid base64")
        }
        guard bytes.starts(with: magic) else {
            throw SandboxFailure.param(name, "content is not the \(magic.count == 3 ? "JPEG" : "PNG") its data URI says")
        }
    }
}
