// Base64: standard-alphabet, padded base64 without line breaks (body.encrypt, KYC images).

import Foundation

/// Standard base64 (RFC 4648 §4) with `=` padding and no line breaks.
public enum Base64 {
    /// The base64 text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { encode($0) }
    }

    /// The base64 text of `bytes`, after `prefix` (for example `data:image/png;base64,`),
    /// written straight into the string's storage.
    public static func encode(_ bytes: UnsafeRawBufferPointer, prefix: String = "") -> String {
        let prefixBytes = Array(prefix.utf8)
        return String(unsafeUninitializedCapacity: prefixBytes.count + encodedCount(bytes.count)) { storage in
            _ = storage.initialize(fromContentsOf: prefixBytes)
            encode(bytes, into: UnsafeMutableBufferPointer(rebasing: storage[prefixBytes.count...]))
            return storage.count
        }
    }

    /// The length of the base64 text of `byteCount` bytes.
    public static func encodedCount(_ byteCount: Int) -> Int { (byteCount + 2) / 3 * 4 }

    /// Writes the base64 text of `bytes` into the first `encodedCount(bytes.count)` bytes of `out`.
    ///
    /// Each 3-byte group becomes two 12-bit halves, each looked up as a pair of characters.
    public static func encode(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>) {
        precondition(out.count >= encodedCount(bytes.count), "base64 output buffer too small")
        guard let source = bytes.baseAddress, let target = out.baseAddress else { return }
        let whole = bytes.count / 3
        let write = UnsafeMutableRawPointer(target)
        pairTable.withUnsafeBufferPointer { table in
            guard let pairs = table.baseAddress else { return }
            var read = source
            for group in 0..<whole {
                let bits =
                    UInt32(read.load(as: UInt8.self)) << 16
                    | UInt32(read.load(fromByteOffset: 1, as: UInt8.self)) << 8
                    | UInt32(read.load(fromByteOffset: 2, as: UInt8.self))
                write.storeBytes(of: pairs[Int(bits >> 12)], toByteOffset: group &* 4, as: UInt16.self)
                write.storeBytes(of: pairs[Int(bits & 0xFFF)], toByteOffset: group &* 4 &+ 2, as: UInt16.self)
                read += 3
            }
        }
        let rest = bytes.count - whole * 3
        guard rest > 0 else { return }
        let first = UInt32(bytes[whole * 3])
        let second = rest == 2 ? UInt32(bytes[whole * 3 + 1]) : 0
        let bits = first << 16 | second << 8
        let tail = target + whole * 4
        tail[0] = alphabet[Int(bits >> 18)]
        tail[1] = alphabet[Int(bits >> 12 & 0x3F)]
        tail[2] = rest == 2 ? alphabet[Int(bits >> 6 & 0x3F)] : UInt8(ascii: "=")
        tail[3] = UInt8(ascii: "=")
    }

    /// The bytes of `text`; `nil` when it is not padded standard base64 (whitespace, the URL-safe
    /// alphabet or missing padding are all rejected).
    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 4 == 0, let data = Data(base64Encoded: text) else { return nil }
        return [UInt8](data)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Every 12-bit value's two characters, as they lie in memory (first character first).
    private static let pairTable: [UInt16] = (0..<4096).map { value in
        let first = UInt16(alphabet[value >> 6])
        let second = UInt16(alphabet[value & 0x3F])
        return first.littleEndian == first ? first | second << 8 : first << 8 | second
    }
}
