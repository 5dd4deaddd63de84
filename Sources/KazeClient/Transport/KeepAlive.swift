// KeepAlive: whether and for how long a connection may carry another request after an answer —
// `Connection: close`, HTTP/1.0, and the server's `Keep-Alive: timeout=N, max=M` honoured.

/// Permission to reuse a connection.
struct KeepAlive: Equatable {
    /// Reused only while idle for less than this.
    let idleWindow: Duration

    /// Seconds taken off the server's `Keep-Alive: timeout`, so a connection is never written to
    /// just as the server closes it for being idle.
    static let serverTimeoutMargin = 1.0

    /// The permission `answer` gives, with at most `idleSeconds` of idleness; `nil` when the
    /// connection must be closed (`Connection: close`, HTTP/1.0 without keep-alive, an answer
    /// read to the end of the stream or followed by stray bytes, `Keep-Alive: max=0`, or a
    /// server timeout within the margin). Each answer restates `max`, so it is not counted down here.
    init?(after answer: HTTPAnswer, idleSeconds: Double) {
        let head = answer.head
        let connection = head.tokens("Connection")
        guard answer.endsCleanly, idleSeconds > 0, !connection.contains("close"),
            head.minorVersion == 1 || connection.contains("keep-alive")
        else { return nil }
        var window = idleSeconds
        var requestsLeft = 1
        for parameter in head.tokens("Keep-Alive") {
            let parts = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard parts.count == 2, let value = Int(parts[1]) else { continue }
            switch parts[0] {
            case "timeout": window = min(window, Double(value) - Self.serverTimeoutMargin)
            case "max": requestsLeft = value
            default: continue
            }
        }
        guard window > 0, requestsLeft > 0 else { return nil }
        idleWindow = .milliseconds(Int(window * 1_000))
    }
}
