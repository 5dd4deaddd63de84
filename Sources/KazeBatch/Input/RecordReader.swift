// RecordReader: what the validator reads records from — the CSV and JSONL readers.

/// Something that yields RawRecords one at a time.
protocol RecordReader {
    /// Reads the next record into `record`; returns false at the end of the input.
    /// - Throws: `InputError` when the file cannot be read.
    mutating func next(into record: inout RawRecord) throws -> Bool
}
