// FuzzOracle: how a fuzz target reports a broken property — a crash libFuzzer records, with the
// input saved as `crash-<sha1>`.

/// Properties every fuzz target checks beyond "does not crash".
public enum FuzzOracle {
    /// Stops the process with `message` when `condition` is false.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz property broken: \(message())") }
    }
}
