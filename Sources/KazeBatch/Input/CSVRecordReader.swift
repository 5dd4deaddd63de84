// CSVRecordReader: CSV records mapped onto an operation's columns through the header row.
// The header must be readable and name each column once; unknown header names are kept and
// reported on every record (their data would otherwise be dropped). A column with no name (a
// trailing comma from a spreadsheet) is an error only on records that put data in it.

/// Reads a CSV file's records as RawRecords.
struct CSVRecordReader: RecordReader {
    private var reader: CSVReader
    private var row = CSVRow()
    private let schema: OperationSchema
    /// Slot of each header column, or `nil` for an unknown column.
    private let slots: [Int?]
    /// Header names that no field takes.
    let unknownColumns: [String]
    /// Columns with an empty header name (a trailing comma): an error only where they hold data.
    private let unnamedColumns: [Int]
    private let slotCount: Int
    /// The header row's line.
    private let headerLine: Int
    /// Slots of required columns the header does not name.
    private let missingColumns: [Int]

    /// Opens `path` (only its first `limit` bytes when given) and reads its header row.
    /// - Throws: `InputError` when the file cannot be read, is empty, or its header is unusable.
    init(path: String, schema: OperationSchema, limit: Int? = nil) throws {
        var reader = CSVReader(source: try ByteSource(path: path, limit: limit))
        var header = CSVRow()
        guard try reader.next(into: &header) else {
            throw InputError(path: path, problem: "the file is empty; a header row naming the columns is required")
        }
        if let problem = header.problem {
            throw InputError(path: path, problem: "line \(header.line): the header row is malformed: \(problem)")
        }
        var slots: [Int?] = []
        var unknown: [String] = []
        var unnamed: [Int] = []
        var seen: Set<String> = []
        for index in 0..<header.fieldCount {
            guard let name = FieldText.trimmed(header.field(index), ascii: !header.mayBeNonASCII) else {
                throw InputError(path: path, problem: "line \(header.line): the header row is not valid UTF-8")
            }
            if name.isEmpty {
                unnamed.append(index)
                slots.append(nil)
                continue
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw InputError(path: path, problem: "line \(header.line): column \"\(name)\" appears twice in the header")
            }
            let slot = schema.slot(forName: name)
            if slot == nil { unknown.append(name) }
            slots.append(slot)
        }
        self.reader = reader
        self.schema = schema
        self.slots = slots
        self.unknownColumns = unknown
        self.unnamedColumns = unnamed
        self.slotCount = schema.slotCount
        self.headerLine = header.line
        let named = Set(slots.compactMap { $0 })
        self.missingColumns = schema.columns.indices.filter { schema.columns[$0].requirement == .required && !named.contains($0) }
    }

    mutating func next(into record: inout RawRecord) throws -> Bool {
        repeat {
            guard try reader.next(into: &row) else { return false }
        } while row.problem == nil && row.isAllBlank  // a spreadsheet's `,,,,` row is a blank line
        record.reset(line: row.line, slotCount: slotCount)
        record.headerLine = headerLine
        record.missingColumns = missingColumns
        if !unknownColumns.isEmpty { record.unknownColumns.append(contentsOf: unknownColumns) }
        if let problem = row.problem {
            record.problem = (.csvSyntax, "", problem)
            return true
        }
        guard row.fieldCount == slots.count else {
            record.problem = (.csvSyntax, "", "the record has \(row.fieldCount) fields but the header has \(slots.count)")
            return true
        }
        let ascii = !row.mayBeNonASCII
        for index in unnamedColumns where row.field(index).contains(where: { $0 != 0x20 && $0 != 0x09 }) {
            record.unknownColumns.append("")
        }
        row.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<slots.count {
                guard let slot = slots[index] else { continue }
                let field = UnsafeBufferPointer(rebasing: bytes[row.range(ofField: index)])
                guard let text = FieldText.trimmed(field, ascii: ascii) else {
                    if record.problem == nil {
                        record.problem = (.encoding, schema.fieldName(ofSlot: slot), "the value is not valid UTF-8")
                    }
                    continue
                }
                if !text.isEmpty { record.values[slot] = text }
            }
        }
        return true
    }
}
