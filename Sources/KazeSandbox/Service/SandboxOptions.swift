// SandboxOptions: everything that configures one simulator — keys, identity, seed data,
// timings, the platform clock, paging, persistence, deduplication, faults and HTTP limits.

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
    /// Milliseconds a recharge stays PENDING before it settles (to SUCCESS, or FAILED with
    /// `faults.rechargeFailRate`).
    public var pendingMs = 0
    /// Card purchases (`Expenditure`) in every preset card's history at start (`--purchases N`).
    public var purchases = 0
    /// Seconds the platform clock is ahead of the real one (negative: behind).
    public var clockOffsetSeconds = 0
    /// The zone in which the platform writes and reads `yyyy-MM-dd HH:mm:ss`.
    public var utcOffset = UTCOffset.utc
    /// The most entries a queryTransactions page returns, whatever `pageSize` asks (1-100).
    public var pageSizeCap = 100
    /// Where to persist the state (loaded at start when it exists); `nil` keeps it in memory.
    public var stateFile: String?
    /// What a repeated requestNo gets (the memory is saved with `stateFile`).
    public var dedupe = DedupeMode.off
    /// Faults to inject.
    public var faults = FaultOptions()
    /// HTTP bounds (see `HTTPLimits` for the defaults: 256 connections, 256 MiB buffered, 28 MiB
    /// bodies, so three 5 MiB KYC images fit after two encodings).
    public var limits = HTTPLimits()
    /// Serve HTTPS with this certificate (`--tls`); `nil` serves plain HTTP.
    public var tls: TLSServerContext?

    /// Options with the given keys and every other setting at its default.
    public init(platformKey: RSAPrivateKey, merchantPublicKey: RSAPublicKey) {
        self.platformKey = platformKey
        self.merchantPublicKey = merchantPublicKey
    }
}
