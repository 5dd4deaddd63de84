// SandboxState+Dedupe: the requestNo memory of `--dedupe replay|reject`.

import KazeProtocol

extension SandboxState {
    /// The answer the memory gives a request (`nil`: run it). `replay` answers the same content
    /// with the first result (reads are run again: they change nothing) and other content with
    /// DUPLICATE_REQUEST; `reject` answers every repeat with DUPLICATE_REQUEST.
    func rememberedAnswer(_ requestNo: String, digest: String) -> OperationResult? {
        guard rules.dedupe != .off, let earlier = requests[requestNo] else { return nil }
        if rules.dedupe == .reject { return .error(.duplicateRequest, "requestNo was already used") }
        guard earlier.digest == digest else {
            return .error(.duplicateRequest, "requestNo was already used with different content")
        }
        if earlier.pending { return .error(.duplicateRequest, "requestNo is still being processed") }
        return earlier.result
    }

    /// Remembers `requestNo` (with the result of a state-changing operation) when dedupe is on.
    mutating func remember(
        _ requestNo: String, digest: String?, operation: APIOperation, result: OperationResult?,
        pending: Bool = false
    ) {
        guard rules.dedupe != .off, let digest else { return }
        requests[requestNo] = RememberedRequest(
            digest: digest, result: operation.isReadOnly ? nil : result, pending: pending)
        changes.requests.insert(requestNo)
    }
}
