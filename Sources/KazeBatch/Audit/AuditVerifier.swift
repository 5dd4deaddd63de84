// AuditVerifier: walks an audit file's hash chain and reports the first row that does not
// hold — an edited row, a deleted, inserted or reordered one, or a truncated last row.

/// Checks audit files.
public enum AuditVerifier {
    /// Verifies the whole chain of `path`.
    /// - Parameter expectedHead: a head hash recorded earlier (printed by `run`); when given,
    ///   a file whose chain does not contain it was truncated or replaced.
    /// - Throws: `AuditError.broken` naming the first bad line, or `.io`.
    public static func verify(path: String, expectedHead: String? = nil) throws -> AuditReport {
        var seq = 0
        var previous = AuditRow.genesis
        var sawHead = expectedHead == nil || expectedHead == AuditRow.genesis
        var sawHeader = false
        try read(path: path) { text, number, terminated in
            if number == 1 {
                sawHeader = true
                guard text == AuditRow.header else { throw AuditError.broken(path: path, line: 1, reason: "not an audit file header") }
                return
            }
            guard terminated else {
                throw AuditError.broken(path: path, line: number, reason: "row is truncated (no line end)")
            }
            let row = try parse(text, path: path, line: number)
            guard AuditDigest.hex(row.hashed) == row.hash else {
                throw AuditError.broken(path: path, line: number, reason: "row seq \(row.seqText) was edited (its hash does not match its contents)")
            }
            guard row.seq == seq + 1, row.previousHash == previous else {
                throw AuditError.broken(path: path, line: number,
                    reason: "row seq \(row.seqText) does not follow row \(seq) (a row was deleted, inserted or reordered)")
            }
            seq += 1
            previous = row.hash
            if row.hash == expectedHead { sawHead = true }
        }
        guard sawHeader else { throw AuditError.broken(path: path, line: 1, reason: "the file is empty: not an audit file") }
        guard sawHead else {
            throw AuditError.broken(path: path, line: seq + 1, reason: "the recorded head hash is missing: rows were cut from the end")
        }
        return AuditReport(rows: seq, headHash: previous)
    }

    /// The last row's sequence number and hash, or `nil` when the file has no rows.
    /// - Throws: `AuditError` when the last row is not a well-formed chain row.
    static func lastRow(path: String) throws -> (Int, String)? {
        var last: (String, Int, Bool)?
        try read(path: path) { text, number, terminated in if number > 1 { last = (text, number, terminated) } }
        guard let (text, number, terminated) = last else { return nil }
        guard terminated else { throw AuditError.broken(path: path, line: number, reason: "row is truncated (no line end)") }
        let row = try parse(text, path: path, line: number)
        return (row.seq, row.hash)
    }

    private struct ParsedRow {
        let seqText: String
        let seq: Int
        let hashed: String
        let previousHash: String
        let hash: String
    }

    private static func parse(_ text: String, path: String, line: Int) throws -> ParsedRow {
        let bad = AuditError.broken(path: path, line: line, reason: "not a well-formed audit row")
        guard let lastComma = text.lastIndex(of: ",") else { throw bad }
        let hashed = String(text[..<lastComma])
        let hash = String(text[text.index(after: lastComma)...])
        guard let previousComma = hashed.lastIndex(of: ",") else { throw bad }
        let previousHash = String(hashed[hashed.index(after: previousComma)...])
        let seqText = String(hashed.prefix { $0 != "," })
        guard isHex64(hash), isHex64(previousHash), let seq = Int(seqText) else { throw bad }
        return ParsedRow(seqText: seqText, seq: seq, hashed: hashed, previousHash: previousHash, hash: hash)
    }

    private static func isHex64(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func read(path: String, _ body: (String, Int, Bool) throws -> Void) throws {
        do { try LineReader(path: path).forEachLine(body) } catch JournalError.io(_, let reason) {
            throw AuditError.io(path: path, reason: reason)
        }
    }
}
