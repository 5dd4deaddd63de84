// LetterCodeTable: a set of fixed-length capital-letter codes (ISO country and currency codes)
// stored as one flag per possible code, so membership is an index computation, not a hash.

/// Membership of short `A`–`Z` codes.
struct LetterCodeTable: Sendable {
    private let length: Int
    private var present: [Bool]
    /// How many codes are in the table.
    private(set) var count = 0

    /// A table of the space-separated codes in `list`, each `length` capital letters.
    init(list: String, length: Int) {
        self.length = length
        var size = 1
        for _ in 0..<length { size *= 26 }
        present = Array(repeating: false, count: size)
        for code in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if let index = Self.index(of: Substring(code).utf8, length: length), !present[index] {
                present[index] = true
                count += 1
            }
        }
    }

    /// True when `code` is in the table.
    func contains(_ code: String) -> Bool {
        guard let index = code.withUTF8Buffer({ Self.index(of: $0, length: length) }) else { return false }
        return present[index]
    }

    private static func index<Bytes: Collection<UInt8>>(of bytes: Bytes, length: Int) -> Int? {
        guard bytes.count == length else { return nil }
        var index = 0
        for byte in bytes {
            guard byte >= 0x41, byte <= 0x5A else { return nil }
            index = index * 26 + Int(byte - 0x41)
        }
        return index
    }
}
