// Fingerprint: a 128-bit non-cryptographic hash of a duplicate-detection key, so a million keys
// can be remembered in a few megabytes. Two independently seeded multiply-xor lanes fed 8 bytes
// at a time, each finished with the MurmurHash3 avalanche.

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

    /// Adds 8 bytes at once.
    mutating func add(word: UInt64) {
        first = (first ^ word) &* 0x0000_0100_0000_01B3
        first ^= first >> 29
        second = (second &+ word) &* 0xFF51_AFD7_ED55_8CCD
        second ^= second >> 31
        length &+= 8
    }

    /// Adds the UTF-8 of `text` and its length, so `("ab","c")` differs from `("a","bc")`.
    mutating func add(_ text: String) {
        text.withUTF8Buffer { bytes in
            var index = 0
            while index + 8 <= bytes.count {
                var word: UInt64 = 0
                for offset in 0..<8 { word |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
                add(word: word)
                index += 8
            }
            var tail = UInt64(bytes.count) << 56
            for offset in 0..<(bytes.count - index) { tail |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
            add(word: tail)
        }
    }

    /// Adds the 8 bytes of `number`.
    mutating func add(_ number: Int64) { add(word: UInt64(bitPattern: number)) }

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
