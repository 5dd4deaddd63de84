// BatchSource: where the executor reads records from — one streaming pass over the input
// per call, in input order: the validator in production, arrays in tests.

/// A re-readable stream of validated records.
public protocol BatchSource: Sendable {
    /// Calls `body` once per record, in input order, reading the input afresh. An error
    /// thrown by `body` ends the pass and is rethrown.
    /// - Throws: when the input cannot be read, or what `body` throws.
    func forEachRecord(_ body: (ValidationResult) throws -> Void) throws
}
