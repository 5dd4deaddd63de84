// HTTPAnswer: one complete answer as the transport received it, and whether its connection
// may carry another request.

/// A complete, well-formed HTTP/1.x answer.
struct HTTPAnswer {
    /// The final (non-1xx) head.
    let head: ResponseHead
    /// The whole body (de-chunked).
    let body: [UInt8]
    /// True when the body's end was framed (Content-Length, chunked or none) and nothing
    /// followed it, so the connection is at a clean request boundary.
    let endsCleanly: Bool
}
