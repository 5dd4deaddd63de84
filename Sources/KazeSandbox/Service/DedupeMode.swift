// DedupeMode: what the sandbox does with a requestNo it has seen before (`--dedupe`).

/// How a repeated `head.requestNo` is treated.
public enum DedupeMode: String, Sendable, Equatable, CaseIterable {
    /// Nothing is remembered: a repeat is a new request (the real platform's behaviour is unknown).
    case off
    /// Same content: the first answer again, nothing done twice; other content: DUPLICATE_REQUEST.
    case replay
    /// Any repeat: DUPLICATE_REQUEST, nothing done.
    case reject
}
