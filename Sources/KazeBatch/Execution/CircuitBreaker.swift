// CircuitBreaker: decides when a run must stop sending new rows — too many failures in
// total (`--max-failures`) or too high a failure rate among the latest rows.

/// Counts finished rows and trips once.
struct CircuitBreaker {
    let maxFailures: Int?
    let window: Int
    let ratio: Double
    private var recent: [Bool] = []
    private(set) var failures = 0
    /// Why it tripped, once it has.
    private(set) var reason: String?

    init(maxFailures: Int?, window: Int, ratio: Double) {
        self.maxFailures = maxFailures
        self.window = max(1, window)
        self.ratio = ratio
    }

    /// Records one finished row (`failed` for FAILED). UNKNOWN rows are not failures: they
    /// are reconciled, and a flaky network must not stop a batch that is getting through.
    mutating func record(failed: Bool) {
        if failed { failures += 1 }
        recent.append(failed)
        if recent.count > window { recent.removeFirst() }
        guard reason == nil else { return }
        if let maxFailures, failures >= maxFailures {
            reason = "--max-failures \(maxFailures) reached"
        } else if recent.count == window, Double(recent.filter { $0 }.count) >= ratio * Double(window) {
            reason = "\(recent.filter { $0 }.count) of the last \(window) rows failed"
        }
    }
}
