// FuzzOracle: how a fuzz target reports a broken property — a crash libFuzzer records, with the
// input saved as `crash-<sha1>`.

/// Properties every fuzz target checks beyond "does not crash".
public enum FuzzOracle {
    /// Stops the process with `message` when `condition` is false.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz property broken: \(message())") }
    }

    /// Requires `read` to give the same result when the input arrives `whole` bytes at a time
    /// and when it arrives in small reads of 1 to `smallUpTo` bytes (picked by `inputSize`, so a
    /// crash input replays the same way).
    public static func requireSameAtAnyReadSize<Reading: Equatable>(
        inputSize: Int, whole: Int, smallUpTo: Int, _ read: (_ readSize: Int) -> Reading
    ) {
        let wholeReading = read(whole)
        let smallReading = read(1 + inputSize % smallUpTo)
        require(wholeReading == smallReading, "the reading depends on the read size: \(wholeReading) vs \(smallReading)")
    }
}
