// Sandbox+TransactionCount: how many transactions an in-process sandbox holds.

import KazeProtocol
import KazeSandbox

extension Sandbox {
    /// The number of transactions in the sandbox state (-1 if the state has none).
    public var transactionCount: Int { stateJSON().objectValue?["transactions"]?.arrayValue?.count ?? -1 }
}
