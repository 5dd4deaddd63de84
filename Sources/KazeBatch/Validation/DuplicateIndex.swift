// DuplicateIndex: the keys seen so far in a file and the line each was first seen on. Each key
// costs a 16-byte entry (in fixed blocks that never move) plus an 8-byte slot of an
// open-addressing index holding 32 bits of the fingerprint as a tag, kept 47–70% full, so a new
// key usually touches one cache line and a million keys take about 28 MB. 96 bits of the 128-bit
// fingerprint are compared. Raw memory: the per-record path does no reference counting.

/// Remembers key fingerprints and the line of their first occurrence.
final class DuplicateIndex {
    private static let blockShift = 16
    private static let blockEntries = 1 << blockShift

    /// Entry blocks, two words per entry: the fingerprint's high half, then the upper 32 bits of
    /// its low half and the line.
    private var blocks: [UnsafeMutablePointer<UInt64>] = []
    /// 0 = empty, otherwise the lower 32 bits of the fingerprint's high half (a tag), then entry number + 1.
    private var slots: UnsafeMutablePointer<UInt64>
    private var slotCount = 1024
    /// Keys remembered.
    private(set) var count = 0

    init() {
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
    }

    deinit {
        slots.deallocate()
        for block in blocks { block.deallocate() }
    }

    /// The line where `fingerprint` was first seen, or `nil` after recording it as seen on `line`.
    func firstLine(of fingerprint: Fingerprint, recordingLine line: Int) -> Int? {
        let tag = fingerprint.high << 32
        let upperLow = fingerprint.low & 0xFFFF_FFFF_0000_0000
        var slot = home(of: fingerprint.high)
        while slots[slot] != 0 {
            if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = entryPointer(Int(slots[slot] & 0xFFFF_FFFF) - 1)
                if entry[0] == fingerprint.high, entry[1] & 0xFFFF_FFFF_0000_0000 == upperLow {
                    return Int(entry[1] & 0xFFFF_FFFF)
                }
            }
            slot = slot + 1 == slotCount ? 0 : slot + 1
        }
        if count & (Self.blockEntries - 1) == 0 {
            blocks.append(.allocate(capacity: Self.blockEntries * 2))
        }
        let entry = entryPointer(count)
        entry[0] = fingerprint.high
        entry[1] = upperLow | UInt64(min(line, Int(UInt32.max)))
        count += 1
        slots[slot] = tag | UInt64(count)
        if count * 10 > slotCount * 7 { grow() }
        return nil
    }

    /// The first slot to probe: the high half scaled onto the table (works for any table size).
    private func home(of high: UInt64) -> Int {
        Int(high.multipliedFullWidth(by: UInt64(slotCount)).high)
    }

    private func entryPointer(_ entry: Int) -> UnsafeMutablePointer<UInt64> {
        blocks[entry >> Self.blockShift] + (entry & (Self.blockEntries - 1)) * 2
    }

    /// Frees the index, then rebuilds it 1.5 times larger from the entries.
    private func grow() {
        slots.deallocate()
        slotCount = slotCount * 3 / 2
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        for number in 0..<count {
            let entry = entryPointer(number)
            var slot = home(of: entry[0])
            while slots[slot] != 0 { slot = slot + 1 == slotCount ? 0 : slot + 1 }
            slots[slot] = (entry[0] << 32) | UInt64(number + 1)
        }
    }
}
