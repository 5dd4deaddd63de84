// Fingerprint: a 128-bit non-cryptographic hash of a duplicate-detection key, so a million keys
// can be remembered in a few megabytes. Two independently seeded multiply-xor lanes, each
// finished with the MurmurHash3 avalanche; a false match is about 1 in 2^90 for a million keys.

/// The 128-bit fingerprint of a key.
struct Fingerprint: Hashable, Sendable {
    let high: UInt64
    let low: UInt64
}

/// Builds a Fingerprint from the parts of a key.
struct FingerprintHasher {
    private var first: UInt64 = 0xCBF2_9CE4_8422_2325
    private var second: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var length: UInt64 = 0

    /// Adds one byte.
    mutating func add(byte: UInt8) {
        first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        second = (second &+ UInt64(byte)) &* 0xFF51_AFD7_ED55_8CCD
        second ^= second >> 31
        length &+= 1
    }

    /// Adds the UTF-8 of `text`, then a 0 separator so `("ab","c")` differs from `("a","bc")`.
    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte: byte) }
        add(byte: 0)
    }

    /// Adds the 8 bytes of `number`.
    mutating func add(_ number: Int64) {
        var value = UInt64(bitPattern: number)
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    /// The fingerprint of everything added.
    func finish() -> Fingerprint {
        Fingerprint(high: Self.avalanche(first ^ length), low: Self.avalanche(second &+ length &* 0x9E37_79B9))
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed = mixed &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed = mixed &* 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        return mixed
    }
}
