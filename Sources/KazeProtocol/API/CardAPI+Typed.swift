// CardAPI+Typed: typed calls over any CardAPI — a request model in, its response model out.

extension CardAPI {
    /// Sends a typed request (its operation and body) with `requestNo`.
    ///
    /// ```swift
    /// let result = await api.send(RechargeRequest(cardID: "SB000001", amount: amount), requestNo: no)
    /// if let recharge = result.response { print(recharge.transactionId ?? "") }
    /// ```
    public func send<Request: APIRequest>(_ request: Request, requestNo: String) async -> TypedCallResult<Request.Response> {
        TypedCallResult(outcome: await call(Request.operation, body: request.body, requestNo: requestNo))
    }
}
