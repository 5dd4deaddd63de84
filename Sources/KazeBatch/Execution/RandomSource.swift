// RandomSource: the random numbers behind retry jitter — seeded and repeatable in tests,
// shared safely between concurrent rows.

import KazeSync

/// A thread-safe source of uniform random fractions.
public final class RandomSource: Sendable {
    private let state: Locked<UInt64>

    /// A source seeded with `seed` (SplitMix64), or from the system when `nil`.
    public init(seed: UInt64? = nil) {
        state = Locked(seed ?? UInt64.random(in: 0...UInt64.max))
    }

    /// A uniform value in `0..<1`.
    public func nextFraction() -> Double {
        var z = state.withLock { state in
            state &+= 0x9E37_79B9_7F4A_7C15
            return state
        }
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
