// JSONLRecordReader: JSONL lines parsed as JSON objects and mapped onto an operation's columns by
// key (any letter case). Strings, numbers (as written) and booleans become text; null is absent.

import KazeProtocol

/// Reads a JSONL file's records as RawRecords.
struct JSONLRecordReader: RecordReader {
    private var reader: JSONLReader
    private var bytes: [UInt8] = []
    private let schema: OperationSchema

    /// Opens `path` (only its first `limit` bytes when given).
    /// - Throws: `InputError` when the file cannot be opened.
    init(path: String, schema: OperationSchema, limit: Int? = nil) throws {
        self.reader = JSONLReader(source: try ByteSource(path: path, limit: limit))
        self.schema = schema
    }

    mutating func next(into record: inout RawRecord) throws -> Bool {
        var tooLong = false
        guard let line = try reader.next(into: &bytes, tooLong: &tooLong) else { return false }
        record.reset(line: line, slotCount: schema.slotCount)
        if tooLong {
            record.problem = (.jsonSyntax, "", "the line is longer than \(JSONLReader.maxLineBytes / 1024) KiB")
            return true
        }
        guard bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil else {
            record.problem = (.encoding, "", "the line is not valid UTF-8")
            return true
        }
        let object: JSONObject
        do {
            guard let parsed = try JSONValue.parse(bytes).objectValue else {
                record.problem = (.jsonSyntax, "", "the line is not a JSON object")
                return true
            }
            object = parsed
        } catch {
            record.problem = (.jsonSyntax, "", "\(error)")
            return true
        }
        fill(&record, from: object)
        return true
    }

    private func fill(_ record: inout RawRecord, from object: JSONObject) {
        var seen: Set<Int> = []
        for (key, value) in object.members {
            guard let slot = schema.slot(forName: key) else {
                record.unknownColumns.append(key)
                continue
            }
            guard seen.insert(slot).inserted else {
                record.problem = record.problem ?? (.jsonSyntax, key, "key '\(key)' is given twice (names ignore letter case)")
                continue
            }
            if case .null = value { continue }
            guard let text = value.scalarText else {
                record.problem =
                    record.problem
                    ?? (.type, schema.fieldName(ofSlot: slot), "\(key) must be a string, number or boolean, not an array or object")
                continue
            }
            let trimmed = FieldText.trimmed(text)
            if !trimmed.isEmpty { record.values[slot] = trimmed }
        }
    }
}
