// CSVRow: one physical CSV record as raw bytes, reused from record to record so reading
// a million rows allocates almost nothing.

/// The fields of one CSV record, still as bytes (UTF-8 is checked when they become text).
struct CSVRow {
    /// 1-based physical line where the record starts.
    var line = 0
    /// Every field's bytes, one after the other.
    var bytes: [UInt8] = []
    /// Where each field ends in `bytes`; field `i` starts where field `i - 1` ends.
    var ends: [Int] = []
    /// The OR of every byte, so a record with no byte ≥ 0x80 is known to be ASCII at once.
    var highBits: UInt8 = 0
    /// Why the record is malformed (`csv_syntax`), or `nil`.
    var problem: String?

    /// The number of fields read.
    var fieldCount: Int { ends.count }

    /// Where field `index` lies in `bytes`.
    func range(ofField index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    /// True when every field holds only spaces and tabs (a spreadsheet's `,,,,` row).
    var isAllBlank: Bool {
        (0..<fieldCount).allSatisfy { index in field(index).allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// The bytes of field `index`.
    func field(_ index: Int) -> ArraySlice<UInt8> { bytes[range(ofField: index)] }

    /// True when some byte is not ASCII, so UTF-8 must be checked.
    var mayBeNonASCII: Bool { highBits >= 0x80 }

    /// Empties the row for the next record, keeping its storage.
    mutating func reset(line: Int) {
        self.line = line
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        highBits = 0
        problem = nil
    }
}
