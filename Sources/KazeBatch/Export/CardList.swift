// CardList: the cards an export covers — the `cardID` column of a CSV or JSONL file (any
// other column is ignored, so a batch's input or results file serves), each card once, in
// file order.

import KazeProtocol

/// The cardIDs of a file.
public enum CardList {
    /// The distinct cardIDs of `path` in file order; rows without one are skipped.
    /// - Throws: `InputError` when the file cannot be read, a row is malformed, or no row has
    ///   a cardID.
    public static func read(path: String, format: InputFormat) throws -> [String] {
        let schema = OperationSchema(operation: .card)
        guard let slot = schema.slot(forName: "cardID") else { return [] }
        var source: any RecordReader =
            switch format {
            case .csv: try CSVRecordReader(path: path, schema: schema)
            case .jsonl: try JSONLRecordReader(path: path, schema: schema)
            }
        var record = RawRecord()
        var seen: Set<String> = []
        var cards: [String] = []
        while try source.next(into: &record) {
            if let problem = record.problem {
                throw InputError(path: path, problem: "line \(record.line): \(problem.message)")
            }
            guard let card = record.values[slot], seen.insert(card).inserted else { continue }
            cards.append(card)
        }
        guard !cards.isEmpty else {
            throw InputError(path: path, problem: "no row has a cardID: give a CSV or JSONL file with a cardID column")
        }
        return cards
    }
}
