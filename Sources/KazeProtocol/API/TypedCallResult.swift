// TypedCallResult: a CallResult together with the typed response it carries on success.

/// The outcome of a typed call; `response` is read from the body on success.
public struct TypedCallResult<Response: APIResponse>: Sendable {
    /// The outcome class, with the raw decrypted body where there is one.
    public let outcome: CallResult

    /// Wraps `outcome`.
    public init(outcome: CallResult) { self.outcome = outcome }

    /// The typed response when the call succeeded (`head.code` and `encrypt` SUCCESS), else `nil`.
    public var response: Response? {
        if case .success(let body) = outcome { return Response(body: body) }
        return nil
    }
}
