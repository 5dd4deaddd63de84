// DuplicateIndex: the keys seen so far in a file and the line each was first seen on, in about
// 16 bytes per key plus an 8-byte-per-key open-addressing index (a million keys ≈ 24 MB). Entries
// live in fixed-size chunks so growing never copies them; only the small index is rebuilt.

/// Remembers key fingerprints and the line of their first occurrence.
struct DuplicateIndex {
    private static let chunkShift = 16
    private static let chunkEntries = 1 << chunkShift

    /// Entries, two words each: the fingerprint's high half, then 32 bits of its low half and the line.
    private var chunks: [[UInt64]] = []
    /// 0 = empty, otherwise entry number + 1; linear probing; at most half full.
    private var slots = [UInt32](repeating: 0, count: 1024)
    private(set) var count = 0

    /// The line where `fingerprint` was first seen, or `nil` after recording it as seen on `line`.
    mutating func firstLine(of fingerprint: Fingerprint, recordingLine line: Int) -> Int? {
        let lowKey = fingerprint.low & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: fingerprint.high) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot] - 1)
            let words = chunks[entry >> Self.chunkShift]
            let offset = (entry & (Self.chunkEntries - 1)) * 2
            if words[offset] == fingerprint.high, words[offset + 1] & 0xFFFF_FFFF_0000_0000 == lowKey {
                let stored = Int(words[offset + 1] & 0xFFFF_FFFF)
                return stored
            }
            slot = (slot + 1) & mask
        }
        if count & (Self.chunkEntries - 1) == 0 {
            var chunk: [UInt64] = []
            chunk.reserveCapacity(Self.chunkEntries * 2)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(fingerprint.high)
        chunks[chunks.count - 1].append(lowKey | UInt64(min(line, Int(UInt32.max))))
        count += 1
        slots[slot] = UInt32(count)
        if count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in 0..<count {
            let high = chunks[entry >> Self.chunkShift][(entry & (Self.chunkEntries - 1)) * 2]
            var slot = Int(truncatingIfNeeded: high) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(entry + 1)
        }
    }
}
