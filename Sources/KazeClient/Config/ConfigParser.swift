// ConfigParser: turns the merged raw settings into typed values, checking each one's syntax
// and range and naming where a bad value came from.

import Foundation
import KazeCrypto
import KazeProtocol

/// Typed reading of merged settings.
struct ConfigParser {
    let values: [ConfigKey: ConfigValue]

    /// The configuration these settings describe (not yet `validated()`).
    func configuration() throws -> Configuration {
        let rate = try number(.rate, in: 0.001...10_000, expected: "requests per second from 0.001 to 10000") ?? 5
        return Configuration(
            endpoint: try endpoint(),
            sysId: try sysId(),
            merchantKeyPath: try required(.merchantKey).resolvedPath,
            platformPublicKeyPath: try required(.platformPublicKey).resolvedPath,
            profile: CryptoProfile(
                signDigest: try choice(.signDigest, SignDigest.init(rawValue:), expected: "sha256 or sha1") ?? .sha256,
                aesKeyBits: try choice(.aesKeyBits, { Int($0).flatMap(AESKeyBits.init(rawValue:)) }, expected: "128 or 256")
                    ?? .bits128,
                aesMode: try choice(.aesMode, AESMode.init(rawValue:), expected: "ecb or cbc-zero-iv") ?? .ecb),
            rate: rate,
            burst: try integer(.burst, in: 1...100_000),
            concurrency: try integer(.concurrency, in: 1...1_024) ?? 4,
            timeoutSeconds: try number(.timeoutSeconds, in: 0.001...3_600, expected: "seconds from 0.001 to 3600") ?? 30,
            live: try choice(.live, Self.boolean, expected: "true or false") ?? false,
            platformUtcOffset: try platformUtcOffset(),
            connectTimeoutSeconds: try number(.connectTimeoutSeconds, in: 0.001...3_600, expected: "seconds from 0.001 to 3600")
                ?? 10,
            keepAliveIdleSeconds: try number(.keepAliveIdleSeconds, in: 0...3_600, expected: "seconds from 0 to 3600") ?? 2,
            maxResponseBytes: try integer(.maxResponseBytes, in: 1_024...1_073_741_824)
                ?? Configuration.defaultMaxResponseBytes,
            caFilePath: values[.caFile].flatMap { $0.text.isEmpty ? nil : $0.resolvedPath },
            pinnedKeys: try pinnedKeys(),
            proxy: try proxy())
    }

    /// `pinnedKeys`: comma-separated base64 SHA-256 digests (44 characters each).
    private func pinnedKeys() throws -> [String] {
        guard let value = values[.pinnedKeys] else { return [] }
        let pins = value.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for pin in pins where Data(base64Encoded: pin)?.count != 32 {
            throw ConfigurationError.invalidValue(
                origin: value.origin, value: pin, expected: "base64 SHA-256 digests of a public key (pin-sha256), comma-separated")
        }
        return pins
    }

    /// `proxy`: `http://host:port`.
    private func proxy() throws -> URL? {
        guard let value = values[.proxy], !value.text.isEmpty else { return nil }
        guard let url = ProxyURL.parse(value.text) else {
            throw ConfigurationError.invalidValue(origin: value.origin, value: value.text, expected: "an http://host:port proxy URL")
        }
        return url
    }

    /// `auto` (nil: measured) or a `±HH:MM` zone, in seconds.
    private func platformUtcOffset() throws -> Int? {
        guard let value = values[.platformUtcOffset], value.text.lowercased() != "auto" else { return nil }
        guard let seconds = UTCOffsetText.seconds(value.text) else {
            throw ConfigurationError.invalidValue(
                origin: value.origin, value: value.text,
                expected: "auto, or a UTC offset from -12:00 to +14:00 such as +08:00")
        }
        return seconds
    }

    private func required(_ key: ConfigKey) throws -> ConfigValue {
        guard let value = values[key], !value.text.isEmpty else { throw ConfigurationError.missing(key) }
        return value
    }

    private func endpoint() throws -> URL {
        let value = try required(.endpoint)
        guard let url = URL(string: value.text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw ConfigurationError.invalidValue(origin: value.origin, value: value.text, expected: "an http:// or https:// URL")
        }
        guard url.port.map({ (1...65_535).contains($0) }) ?? true else {
            throw ConfigurationError.invalidValue(origin: value.origin, value: value.text, expected: "a URL whose port is 1 to 65535")
        }
        return url
    }

    private func sysId() throws -> String {
        let value = try required(.sysId)
        guard SysId.isValid(value.text) else {
            throw ConfigurationError.invalidValue(origin: value.origin, value: value.text, expected: SysId.expected)
        }
        return value.text
    }

    private func choice<T>(_ key: ConfigKey, _ parse: (String) -> T?, expected: String) throws -> T? {
        guard let value = values[key] else { return nil }
        guard let parsed = parse(value.text.lowercased()) else {
            throw ConfigurationError.invalidValue(origin: value.origin, value: value.text, expected: expected)
        }
        return parsed
    }

    private func number(_ key: ConfigKey, in range: ClosedRange<Double>, expected: String) throws -> Double? {
        try choice(key, { Double($0).flatMap { range.contains($0) ? $0 : nil } }, expected: expected)
    }

    private func integer(_ key: ConfigKey, in range: ClosedRange<Int>) throws -> Int? {
        try choice(
            key, { Int($0).flatMap { range.contains($0) ? $0 : nil } },
            expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
    }

    /// `true`/`false`, `1`/`0`, `yes`/`no` (already lowercased).
    static func boolean(_ text: String) -> Bool? {
        switch text {
        case "true", "1", "yes": true
        case "false", "0", "no": false
        default: nil
        }
    }
}
