// Locked: the package's one box for state shared between threads. The value is reachable only
// inside `withLock`, while the box's lock is held, so a type that keeps its mutable state in a
// `Locked` is Sendable without `@unchecked` of its own.

import Foundation

/// A value guarded by a lock: every read and write goes through `withLock`.
///
/// ```swift
/// final class Counter: Sendable {
///     private let count = Locked(0)
///     func next() -> Int { count.withLock { $0 += 1; return $0 } }
/// }
/// ```
public final class Locked<Value> {
    private let lock = NSLock()
    private var value: Value

    /// A box holding `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock and returns what it returns. Keep
    /// `body` short; never call back into the same box from it (the lock is not recursive).
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Audited: `value` is only ever read or written inside `withLock`, under `lock`; the box
/// hands out copies of a Sendable value, never a reference into its storage.
extension Locked: @unchecked Sendable where Value: Sendable {}
