// AuditRow: one event of the audit file and the exact bytes its hash covers.
//
// Encoding (documented for verifiers): the row's first 14 columns — seq, time, batch, line,
// ref, apiCode, requestNo, event, code, amount, currency, card, detail, prev_hash — are
// written as CSV cells (`CSVFormat.oneLineCell`: formula-neutralised, quoted where needed, every
// control character — CR and LF included, so every row is one physical line — written as
// `<U+XXXX>`) joined with `,`.
// `hash` is the lowercase hex SHA-256 of the UTF-8 bytes of exactly that text, and is
// appended as the 15th column. `prev_hash` is the previous row's `hash`, or 64 zeros for the
// first row. Files written before the `detail` column (`legacyHeader`) hash the same way
// without it.

/// One audit event.
public struct AuditRow: Sendable, Equatable {
    /// The header line of every audit file.
    public static let header =
        "seq,time,batch,line,ref,apiCode,requestNo,event,code,amount,currency,card,detail,prev_hash,hash"
    /// The header of files written before the `detail` column: they still verify, but are
    /// never appended to.
    public static let legacyHeader = "seq,time,batch,line,ref,apiCode,requestNo,event,code,amount,currency,card,prev_hash,hash"
    /// `event` of a signed checkpoint row (see `AuditCheckpoint`).
    public static let checkpointEvent = "CHECKPOINT"
    /// `prev_hash` of the first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// When it happened (ISO 8601 UTC).
    public var time: String
    /// The batch id.
    public var batch: String
    /// The input line of the row; 0 (written empty) on a checkpoint, which concerns no row.
    public var line: Int
    /// The user's row reference.
    public var ref: String
    /// The operation's apiCode.
    public var apiCode: String
    /// The request number concerned, or "".
    public var requestNo: String
    /// The journal state the event recorded: SENT, RETRY, SUCCEEDED, FAILED or UNKNOWN.
    public var event: String
    /// The platform or kazebatch code, or ""; `RECOVERED` or `RECOVERED:<code>` on a row
    /// written from the journal after the event (see `AuditRow.recovered`).
    public var code: String
    /// Recharge amount as written, or "".
    public var amount: String
    /// Recharge currency, or "".
    public var currency: String
    /// The cardID, or a masked card number; never a full one.
    public var card: String
    /// What the event concerns beyond the card (see `AuditRow.detail(operation:entry:row:)`):
    /// a recharge's transactionId, a close's refund amount, the status a set-status asked for,
    /// a kyc applicant's email; a checkpoint's signature. "" when there is none.
    public var detail: String

    /// An event; `card` must already be safe to show.
    public init(
        time: String, batch: String, line: Int, ref: String, apiCode: String, requestNo: String,
        event: String, code: String, amount: String, currency: String, card: String, detail: String = ""
    ) {
        self.time = time
        self.batch = batch
        self.line = line
        self.ref = ref
        self.apiCode = apiCode
        self.requestNo = requestNo
        self.event = event
        self.code = code
        self.amount = amount
        self.currency = currency
        self.card = card
        self.detail = detail
    }

    /// The hashed text for this row at position `seq` after `previousHash`.
    func chainedText(seq: Int, previousHash: String) -> String {
        let values = [
            "\(seq)", time, batch, line > 0 ? "\(line)" : "", ref, apiCode, requestNo, event, code, amount,
            currency, card, detail, previousHash,
        ]
        return values.map(CSVFormat.oneLineCell).joined(separator: ",")
    }

    /// The complete CSV line (with LF) and its hash.
    func encoded(seq: Int, previousHash: String) -> (line: String, hash: String) {
        let text = chainedText(seq: seq, previousHash: previousHash)
        let hash = AuditDigest.hex(text)
        return (text + "," + hash + "\n", hash)
    }
}
