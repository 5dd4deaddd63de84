// CallDeadline: the clocks of one call — the connect timeout, the answer timeout (no byte for
// that long) and the total deadline (twice the answer timeout).

/// When one call has to give up.
struct CallDeadline {
    /// The end of the connect phase (TCP, proxy CONNECT and TLS handshake).
    let connectBy: ContinuousClock.Instant
    /// The end of the whole call.
    let total: ContinuousClock.Instant
    /// The longest wait for the next answer byte.
    let answerTimeout: Duration
    /// The answer timeout in seconds, for messages.
    let answerSeconds: Double

    /// The deadlines of a call starting now.
    init(connectSeconds: Double, answerSeconds: Double, now: ContinuousClock.Instant = .now) {
        let answer = Duration.seconds(answerSeconds)
        self.init(connectBy: now + .seconds(connectSeconds), total: now + answer * 2, answerTimeout: answer, answerSeconds: answerSeconds)
    }

    private init(connectBy: ContinuousClock.Instant, total: ContinuousClock.Instant, answerTimeout: Duration, answerSeconds: Double) {
        self.connectBy = connectBy
        self.total = total
        self.answerTimeout = answerTimeout
        self.answerSeconds = answerSeconds
    }

    /// Deadlines for an exchange inside the connect phase (a proxy's CONNECT): every wait and the
    /// whole exchange end at `connectBy`.
    var connectPhase: CallDeadline {
        CallDeadline(connectBy: connectBy, total: connectBy, answerTimeout: answerTimeout, answerSeconds: answerSeconds)
    }

    /// The end of the next wait for progress: the answer timeout from now, or the total deadline
    /// when that comes first.
    func nextByte(now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant {
        min(now + answerTimeout, total)
    }

    /// Why a wait that ran out ended the call, naming the limit that was hit.
    func timeoutReason(now: ContinuousClock.Instant = .now) -> String {
        if now >= total { return "timed out: no complete answer within \(answerSeconds * 2) s" }
        return "timed out: nothing received for \(answerSeconds) s"
    }
}
