// crypto-bench: how many kazepay-v1 signatures, seals and opens per second this machine does
// with KazeCrypto (release build), single-threaded, per user-CPU second like `openssl speed`. Built and run by bench/crypto.sh.

import Foundation
import KazeCrypto

/// This process's user CPU time in seconds (what `openssl speed` divides by, unless -elapsed).
func userCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
}

/// Runs `body` repeatedly for `seconds` of wall time and returns operations per user-CPU second.
func rate(seconds: Double, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = userCPUSeconds()
    let limit = Duration.milliseconds(Int(seconds * 1000))
    var count = 0
    while clock.now - start < limit {
        try body()
        count += 1
    }
    return Double(count) / max(userCPUSeconds() - cpuStart, 1e-6)
}

let seconds = Double(CommandLine.arguments.dropFirst().first ?? "3") ?? 3
let merchant = try RSAPrivateKey.generate()
let platform = try RSAPrivateKey.generate()
let client = EnvelopeCodec(profile: .kazepayV1, ownPrivateKey: merchant, peerPublicKey: try platform.publicKey())
let server = EnvelopeCodec(profile: .kazepayV1, ownPrivateKey: platform, peerPublicKey: try merchant.publicKey())
let plain = Array(#"{"cardID":"SB000001","currency":"USD","amount":10.50}"#.utf8)
let sealed = try client.seal(plain)
guard try server.open(sealed) == plain else { fatalError("open did not return the plain bytes") }

let results: [(String, Double)] = [
    ("sign", try rate(seconds: seconds) { _ = try merchant.sign(plain, digest: .sha256) }),
    ("seal", try rate(seconds: seconds) { _ = try client.seal(plain) }),
    ("open", try rate(seconds: seconds) { _ = try server.open(sealed) }),
]
for (name, value) in results {
    print("\(name)/s \(String(format: "%.0f", value))")
}
