// SandboxOptions: everything that configures one simulator — keys, identity, seed data,
// timings, persistence, deduplication, faults and HTTP limits.

import Foundation
import KazeCrypto

/// How a `Sandbox` is set up. Only the two keys are required.
public struct SandboxOptions: Sendable {
    /// Port to listen on (127.0.0.1); 0 picks a free one.
    public var port: UInt16 = 0
    /// The merchant `sysId` the sandbox accepts (others get SIGN_ERROR).
    public var sysId = "202402271432298822660001"
    /// The platform's private key: opens requests, signs responses.
    public var platformKey: RSAPrivateKey
    /// The merchant's public key: verifies requests, encrypts responses.
    public var merchantPublicKey: RSAPublicKey
    /// The envelope settings (defaults of kazepay-v1).
    public var profile = CryptoProfile.kazepayV1
    /// Users with ACTIVE cards created at start (`--cards N`).
    public var cards = 0
    /// Unassigned inventory numbers for ucardAssign; `nil` means max(cards, 100).
    public var inventorySize: Int?
    /// Money available for recharges, in USD (at most two decimals).
    public var merchantBalance = Decimal(1_000_000)
    /// Milliseconds before a KYC application settles to PASSED or REJECTED.
    public var kycDelayMs = 0
    /// Milliseconds a recharge stays PENDING before it settles to SUCCESS.
    public var pendingMs = 0
    /// Where to persist the state (loaded at start when it exists); `nil` keeps it in memory.
    public var stateFile: String?
    /// Answer a repeated requestNo with its first result instead of running it again.
    public var dedupe = false
    /// Faults to inject.
    public var faults = FaultOptions()
    /// HTTP bounds; bodies up to 32 MiB so three 5 MiB KYC images fit after two encodings.
    public var limits = HTTPLimits(maxBodyBytes: 32 * 1024 * 1024)
    /// Serve HTTPS with this certificate (`--tls`); `nil` serves plain HTTP.
    public var tls: TLSServerContext?

    /// Options with the given keys and every other setting at its default.
    public init(platformKey: RSAPrivateKey, merchantPublicKey: RSAPublicKey) {
        self.platformKey = platformKey
        self.merchantPublicKey = merchantPublicKey
    }
}
