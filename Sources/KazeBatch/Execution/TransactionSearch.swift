// TransactionSearch: lists a card's transactions in a window of platform wall time, every
// page, and says whether the listing is complete. A listing is complete only when it reached
// its end before the platform's cap of 10 pages: the last page fetched was empty or shorter
// than the largest page seen (a platform may cut pages below the pageSize asked), and it was
// not page 10. A window that hits the cap is split in halves until each half fits.

import KazeProtocol

/// What listing a card's transactions found.
enum TransactionListing: Equatable {
    /// Every transaction of the window (newest first within each part, deduplicated by id).
    case complete([JSONObject])
    /// The listing could not be completed; `reason` says why.
    case incomplete(reason: String)
}

/// Lists transactions through a read function (rate-limited and retried by the caller).
struct TransactionSearch {
    /// The platform's page cap: `pageNum` 1...10.
    static let maxPages = 10
    /// The page size asked for: the documented maximum.
    static let pageSize = 100
    /// The most list calls one search may make (splitting included).
    static let maxCalls = 400

    /// One read-only call.
    let read: (APIOperation, JSONObject) async -> CallResult
    /// The card.
    let cardID: String

    /// Every transaction of the card from wall second `from` to `to`, both included.
    func list(from: Int, to: Int) async -> TransactionListing {
        var calls = 0
        var seen: Set<String> = []
        var found: [JSONObject] = []
        var windows = [(from, to)]
        while let (start, end) = windows.popLast() {
            var pages: [JSONObject] = []
            var largest = 0
            var ended = false
            for page in 1...Self.maxPages {
                calls += 1
                guard calls <= Self.maxCalls else {
                    return .incomplete(reason: "more than \(Self.maxCalls) list calls were needed to see every transaction")
                }
                let query = TransactionsRequest(
                    cardID: cardID, pageSize: Self.pageSize, pageNum: page,
                    transactionStartTime: WireTime.text(wallSeconds: start), transactionEndTime: WireTime.text(wallSeconds: end))
                let outcome = await read(TransactionsRequest.operation, query.body)
                guard case .success(let body) = outcome else {
                    return .incomplete(reason: "cannot list the card's transactions (\(outcome))")
                }
                let list = body["list"]?.arrayValue?.compactMap(\.objectValue) ?? []
                pages += list
                largest = max(largest, list.count)
                if list.isEmpty || list.count < largest {
                    ended = page < Self.maxPages
                    break
                }
            }
            if ended {
                for entry in pages {
                    let id = entry.text("transactionId") ?? ""
                    if id.isEmpty || seen.insert(id).inserted { found.append(entry) }
                }
                continue
            }
            guard end > start else {
                return .incomplete(
                    reason: "more than \(Self.maxPages) pages of transactions in one second"
                        + " (\(WireTime.text(wallSeconds: start))): the platform's page cap hides some")
            }
            let middle = start + (end - start) / 2
            windows.append((middle + 1, end))
            windows.append((start, middle))
        }
        return .complete(found)
    }
}
