// ClaimLines: which lines of a batch ever claimed each transaction tag, so a claim is found
// by one lookup instead of a scan of every row (reconciling many in-doubt rows against many
// transactions stays linear). A line stays listed when its row later claims another tag;
// `TransactionClaims` checks the row's current tag and entry anyway.

/// Lines by claimed transaction tag; most tags have one line, so the rest live apart.
struct ClaimLines: Sendable {
    private var first: [UInt64: UInt32] = [:]
    private var others: [UInt64: [UInt32]] = [:]

    /// Notes that `line` (1...`RowTable.maxLine`) claimed `tag`.
    mutating func add(_ tag: UInt64, line: Int) {
        let line = UInt32(line)
        guard let known = first[tag] else {
            first[tag] = line
            return
        }
        if known != line, others[tag]?.contains(line) != true { others[tag, default: []].append(line) }
    }

    /// Every line that ever claimed `tag`.
    func lines(claiming tag: UInt64) -> [Int] {
        guard let known = first[tag] else { return [] }
        return [Int(known)] + (others[tag] ?? []).map(Int.init)
    }
}
