// SandboxUser: one KYC applicant — the profile fields the card queries echo, and the status.
// Image bytes are checked on arrival and never kept.

import Foundation

/// A user created by `setUcardKyc` (or preset by `--cards`).
struct SandboxUser: Sendable, Equatable {
    var email: String
    var mobileNumber: String
    var mobilePrefix: String
    var firstName: String
    var lastName: String
    var countryCode: String
    var state: String
    var city: String
    var addressLine: String
    var postCode: String
    /// The status right now (settled by `SandboxState.advance`).
    var status: KycStatus
    /// The status the application will reach at `settlesAt`.
    var outcome: KycStatus
    /// When WAITING_KYC turns into `outcome`; `nil` once settled.
    var settlesAt: Date?
    /// When the application was submitted.
    var submittedAt: Date
}
