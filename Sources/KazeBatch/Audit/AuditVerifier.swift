// AuditVerifier: walks an audit file's hash chain and reports the first row that does not
// hold — an edited row, a deleted, inserted or reordered one, or a truncated last row — and,
// given the merchant's public key, every checkpoint's signature.

import KazeCrypto

/// Checks audit files.
public enum AuditVerifier {
    /// A head hash the file must contain, and where it was recorded (for the message).
    public struct ExpectedHead: Sendable {
        /// The hash.
        public let hash: String
        /// Where it comes from: "--head", or the state-dir record's path.
        public let origin: String

        public init(hash: String, origin: String) {
            self.hash = hash
            self.origin = origin
        }
    }

    /// Verifies the whole chain of `path`. Lines may end in LF or CRLF; files of an older
    /// kazebatch, without the `detail` column, verify too (they hold no checkpoints).
    /// - Parameters:
    ///   - expectedHeads: head hashes recorded earlier; a file whose chain lacks one was
    ///     truncated or replaced.
    ///   - publicKey: the merchant public key; when given, every checkpoint's signature must
    ///     hold (a file edited and re-hashed fails here).
    /// - Throws: `AuditError.broken` naming the first bad line, or `.io`.
    public static func verify(path: String, expectedHeads: [ExpectedHead] = [], publicKey: RSAPublicKey? = nil) throws
        -> AuditReport
    {
        var report = AuditReport(rows: 0, headHash: AuditRow.genesis)
        var columns = 0
        var seen = Set(expectedHeads.map(\.hash)).subtracting([AuditRow.genesis])
        try read(path: path) { text, number, terminated in
            if number == 1 {
                switch text {
                case AuditRow.header: columns = 15
                case AuditRow.legacyHeader:
                    columns = 14
                    report.legacy = true
                default: throw AuditError.broken(path: path, line: 1, reason: "not an audit file header")
                }
                return
            }
            guard terminated else {
                throw AuditError.broken(path: path, line: number, reason: "row is truncated (no line end)")
            }
            let row = try parse(text, columns: columns, path: path, line: number)
            guard AuditDigest.hex(row.hashed) == row.hash else {
                throw AuditError.broken(
                    path: path, line: number, reason: "row seq \(row.seqText) was edited (its hash does not match its contents)")
            }
            guard row.seq == report.rows + 1, row.previousHash == report.headHash else {
                throw AuditError.broken(
                    path: path, line: number,
                    reason: "row seq \(row.seqText) does not follow row \(report.rows) (a row was deleted, inserted or reordered)")
            }
            if let signature = row.checkpointSignature {
                if let publicKey,
                    !AuditCheckpoint.holds(
                        signatureHex: signature, batch: row.batch, seq: row.seq,
                        head: row.previousHash, key: publicKey)
                {
                    throw AuditError.broken(
                        path: path, line: number,
                        reason: "checkpoint seq \(row.seq): the signature does not"
                            + " hold for this public key (rows before it were changed and re-hashed, or another key signed it)")
                }
                report.checkpoints += 1
                report.lastCheckpoint = row.seq
            }
            report.rows = row.seq
            report.headHash = row.hash
            seen.remove(row.hash)
        }
        guard columns > 0 else { throw AuditError.broken(path: path, line: 1, reason: "the file is empty: not an audit file") }
        if let missing = expectedHeads.first(where: { seen.contains($0.hash) }) {
            throw AuditError.broken(
                path: path, line: report.rows + 1,
                reason: "the head hash recorded by \(missing.origin) is missing: rows were cut from the end or the file was replaced")
        }
        return report
    }

    /// The last row of an audit file.
    struct Tail {
        let seq: Int
        let hash: String
        let isCheckpoint: Bool
    }

    /// The last row, or `nil` when the file has no rows.
    /// - Throws: `AuditError` when the last row is not a well-formed chain row.
    static func lastRow(path: String) throws -> Tail? {
        var last: (String, Int, Bool)?
        try read(path: path) { text, number, terminated in if number > 1 { last = (text, number, terminated) } }
        guard let (text, number, terminated) = last else { return nil }
        guard terminated else { throw AuditError.broken(path: path, line: number, reason: "row is truncated (no line end)") }
        let row = try parse(text, columns: 15, path: path, line: number)
        return Tail(seq: row.seq, hash: row.hash, isCheckpoint: row.checkpointSignature != nil)
    }

    private struct ParsedRow {
        let seqText: String
        let seq: Int
        let batch: String
        let hashed: String
        let previousHash: String
        let hash: String
        /// The signature of a checkpoint row (its `detail`), nil for an event row.
        let checkpointSignature: String?
    }

    private static func parse(_ text: String, columns: Int, path: String, line: Int) throws -> ParsedRow {
        let bad = AuditError.broken(path: path, line: line, reason: "not a well-formed audit row")
        guard let cells = AuditCells.split(text), cells.count == columns, let lastComma = text.unicodeScalars.lastIndex(of: ",") else {
            throw bad
        }
        let (seqText, hash, previousHash) = (cells[0], cells[columns - 1], cells[columns - 2])
        guard isHex64(hash), isHex64(previousHash), let seq = Int(seqText) else { throw bad }
        let checkpoint = columns == 15 && cells[7] == AuditRow.checkpointEvent && cells[3].isEmpty
        return ParsedRow(
            seqText: seqText, seq: seq, batch: cells[2], hashed: String(text.unicodeScalars[..<lastComma]),
            previousHash: previousHash, hash: hash, checkpointSignature: checkpoint ? cells[12] : nil)
    }

    private static func isHex64(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Calls `body` with each line without its line end (LF, or CRLF: a copy made on Windows).
    private static func read(path: String, _ body: (String, Int, Bool) throws -> Void) throws {
        do {
            try LineReader(path: path).forEachLine { text, number, terminated in
                try body(text.utf8.last == 0x0D ? String(text.unicodeScalars.dropLast()) : text, number, terminated)
            }
        } catch JournalError.io(_, let reason) {
            throw AuditError.io(path: path, reason: reason)
        }
    }
}
