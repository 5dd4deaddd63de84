// SandboxState+Seed: the `--cards N` start — N KYC-passed users with ACTIVE preset cards.

import Foundation

extension SandboxState {
    /// Adds `count` users `user000001@sandbox.test`... (PASSED) each with an ACTIVE card
    /// `SB000001`... numbered from the preset series, balance 0 USD.
    mutating func seed(cards count: Int, now: Date) {
        for index in 1...max(count, 1) where count > 0 {
            let email = "user\(Self.padded(index, 6))@sandbox.test"
            put(
                SandboxUser(
                    email: email, mobileNumber: "5550" + Self.padded(index, 6), mobilePrefix: "1", firstName: "Sandbox",
                    lastName: "User\(index)", countryCode: "US", state: "CA", city: "San Francisco",
                    addressLine: "\(index) Market Street", postCode: "94105", status: .passed, outcome: .passed,
                    settlesAt: nil, submittedAt: now))
            put(
                SandboxCard(
                    cardID: nextCardID(), series: .preset, index: index, email: email, status: .active, pinSet: false,
                    balance: .zero, currency: "USD", expiryDate: Self.expiry(from: now)))
        }
    }
}
