// SandboxOptions+Settings: the settings a running sandbox can change, by the names of their
// flags without dashes — one parser for `kazebatch sandbox --NAME VALUE` and for
// `POST /_sandbox/control {"NAME": VALUE}` — and their current values as JSON.

import Foundation
import KazeProtocol

extension SandboxOptions {
    /// Every setting `set(_:to:)` takes, in the order `settingsJSON` lists them.
    public static let runtimeSettings = [
        "latency-ms", "latency-jitter-ms", "rate-limit", "rate-limit-style", "fail-rate", "timeout-rate",
        "timeout-hang-ms", "drop-after-commit", "gateway-error-after-commit", "late-commit-rate", "late-commit-ms",
        "bad-sign-rate", "recharge-fail-rate", "pending-ms", "kyc-delay-ms", "clock-offset-s", "utc-offset",
        "page-size-cap", "dedupe", "seed",
    ]

    /// Sets `name` (a flag name without dashes) from its text.
    /// - Throws: `SandboxSettingError` for an unknown name or a value out of range or malformed.
    public mutating func set(_ name: String, to text: String) throws(SandboxSettingError) {
        let day = 0...86_400_000
        let wide = 0...Int(Int32.max)
        switch name {
        case "latency-ms": faults.latencyMs = try Self.whole(name, text, wide)
        case "latency-jitter-ms": faults.latencyJitterMs = try Self.whole(name, text, wide)
        case "rate-limit":
            if text == "off" {
                faults.rateLimit = nil
                break
            }
            guard let rate = Double(text), rate.isFinite, (0.001...1_000_000).contains(rate) else {
                throw SandboxSettingError(name, "must be requests per second from 0.001 to 1000000 (or off), got \"\(text)\"")
            }
            faults.rateLimit = rate
        case "rate-limit-style": faults.rateLimitStyle = try Self.choice(name, text, RateLimitStyle.self)
        case "fail-rate": faults.failRate = try Self.fraction(name, text)
        case "timeout-rate": faults.timeoutRate = try Self.fraction(name, text)
        case "timeout-hang-ms": faults.timeoutHangMs = try Self.whole(name, text, wide)
        case "drop-after-commit": faults.dropAfterCommitRate = try Self.fraction(name, text)
        case "gateway-error-after-commit": faults.gatewayErrorRate = try Self.fraction(name, text)
        case "late-commit-rate": faults.lateCommitRate = try Self.fraction(name, text)
        case "late-commit-ms": faults.lateCommitMs = try Self.whole(name, text, day)
        case "bad-sign-rate": faults.badSignRate = try Self.fraction(name, text)
        case "recharge-fail-rate": faults.rechargeFailRate = try Self.fraction(name, text)
        case "pending-ms": pendingMs = try Self.whole(name, text, wide)
        case "kyc-delay-ms": kycDelayMs = try Self.whole(name, text, wide)
        case "clock-offset-s": clockOffsetSeconds = try Self.whole(name, text, -3_153_600_000...3_153_600_000)
        case "utc-offset":
            guard let offset = UTCOffset(text: text) else {
                throw SandboxSettingError(name, "must be +HH:MM or -HH:MM from -12:00 to +14:00, got \"\(text)\"")
            }
            utcOffset = offset
        case "page-size-cap": pageSizeCap = try Self.whole(name, text, 1...100)
        case "dedupe": dedupe = try Self.choice(name, text, DedupeMode.self)
        case "seed":
            guard let seed = UInt64(text) else { throw SandboxSettingError(name, "must be a whole number, got \"\(text)\"") }
            faults.seed = seed
        default: throw SandboxSettingError(name, "is not a setting that can be changed")
        }
    }

    /// Every runtime setting with its current value, keyed as `set(_:to:)` takes them.
    public var settingsJSON: JSONValue {
        func whole(_ value: Int) -> JSONValue { .number(String(value)) }
        func fraction(_ value: Double) -> JSONValue { .number(String(value)) }
        return .object(
            JSONObject([
                ("latency-ms", whole(faults.latencyMs)), ("latency-jitter-ms", whole(faults.latencyJitterMs)),
                ("rate-limit", faults.rateLimit.map(fraction) ?? .null),
                ("rate-limit-style", .string(faults.rateLimitStyle.rawValue)), ("fail-rate", fraction(faults.failRate)),
                ("timeout-rate", fraction(faults.timeoutRate)), ("timeout-hang-ms", whole(faults.timeoutHangMs)),
                ("drop-after-commit", fraction(faults.dropAfterCommitRate)),
                ("gateway-error-after-commit", fraction(faults.gatewayErrorRate)),
                ("late-commit-rate", fraction(faults.lateCommitRate)), ("late-commit-ms", whole(faults.lateCommitMs)),
                ("bad-sign-rate", fraction(faults.badSignRate)), ("recharge-fail-rate", fraction(faults.rechargeFailRate)),
                ("pending-ms", whole(pendingMs)), ("kyc-delay-ms", whole(kycDelayMs)),
                ("clock-offset-s", whole(clockOffsetSeconds)), ("utc-offset", .string(utcOffset.description)),
                ("page-size-cap", whole(pageSizeCap)), ("dedupe", .string(dedupe.rawValue)),
                ("seed", .number(String(faults.seed))),
            ]))
    }

    /// The rules the operations follow under these options.
    var rules: PlatformRules {
        PlatformRules(
            kycDelay: Double(kycDelayMs) / 1000, pendingDelay: Double(pendingMs) / 1000,
            clock: PlatformClock(offsetSeconds: clockOffsetSeconds, zone: utcOffset), pageSizeCap: pageSizeCap,
            dedupe: dedupe)
    }

    private static func fraction(_ name: String, _ text: String) throws(SandboxSettingError) -> Double {
        guard let value = Double(text), value.isFinite, (0...1).contains(value) else {
            throw SandboxSettingError(name, "must be a fraction from 0 to 1, got \"\(text)\"")
        }
        return value
    }

    private static func whole(_ name: String, _ text: String, _ range: ClosedRange<Int>) throws(SandboxSettingError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw SandboxSettingError(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return value
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, _ text: String, _ type: Choice.Type
    ) throws(SandboxSettingError) -> Choice where Choice.RawValue == String {
        guard let value = Choice(rawValue: text) else {
            let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw SandboxSettingError(name, "must be one of \(names), got \"\(text)\"")
        }
        return value
    }
}
