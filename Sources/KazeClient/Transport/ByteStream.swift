// ByteStream: one connection's bytes, plain or TLS, with every wait bounded by a deadline.

/// A connected byte stream that one exchange at a time owns.
protocol ByteStream: AnyObject {
    /// Writes all of `bytes`, waiting at most until `deadline` for each bit of progress.
    func write(_ bytes: [UInt8], until deadline: () -> ContinuousClock.Instant) throws(StreamError)
    /// Reads up to `capacity` bytes, waiting until `deadline`; an empty result is the end of the stream.
    func read(capacity: Int, until deadline: ContinuousClock.Instant) throws(StreamError) -> [UInt8]
    /// True when the connection is idle and still usable: the peer has not closed it and has not
    /// sent anything unasked. Never waits.
    func isIdleAndOpen() -> Bool
    /// Closes the connection (idempotent).
    func close()
}
