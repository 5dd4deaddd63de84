// KycStatus: where a sandbox user's KYC stands, and the email markers that decide where it goes.

/// A user's KYC status as the API reports it.
enum KycStatus: String, Sendable {
    case waiting = "WAITING_KYC"
    case passed = "PASSED"
    case rejected = "REJECTED"

    /// Where an application from `email` settles once the KYC delay has passed:
    /// a local part containing `+reject` is REJECTED, `+wait` stays WAITING_KYC, others PASS.
    static func outcome(forEmail email: String) -> KycStatus {
        let local = email.split(separator: "@").first.map { $0.lowercased() } ?? ""
        if local.contains("+reject") { return .rejected }
        if local.contains("+wait") { return .waiting }
        return .passed
    }
}
