// SandboxState+Kyc: setUcardKyc and queryUcardKycStatus.

import KazeProtocol

extension SandboxState {
    /// setUcardKyc: creates the user WAITING_KYC; a REJECTED user may apply again, anyone
    /// else already known is a STATE_ERROR.
    mutating func submitKyc(_ fields: Fields, _ context: RequestContext) throws -> OperationResult {
        var user = try KycApplication(fields, now: context.now).user
        if let existing = users[user.email], existing.status != .rejected {
            throw SandboxFailure.state("a KYC application for this email exists with status \(existing.status.rawValue)")
        }
        user.settlesAt = user.outcome == .waiting ? nil : context.now.addingTimeInterval(rules.kycDelay)
        put(user)
        if user.settlesAt != nil { unsettledUsers.insert(user.email) }
        return .success(JSONObject([("status", .string(KycStatus.waiting.rawValue))]))
    }

    /// queryUcardKycStatus.
    func kycStatus(_ fields: Fields) throws -> OperationResult {
        let email = try fields.required("email")
        guard let user = users[email] else { throw SandboxFailure.notFound("no KYC application for this email") }
        return .success(JSONObject([("status", .string(user.status.rawValue))]))
    }
}
