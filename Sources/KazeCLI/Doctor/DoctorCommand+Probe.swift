// DoctorCommand+Probe: one read-only call that proves the whole chain (keys, sysId, crypto
// profile), the platform's clock offset from its answers, and — when the configured profile
// fails — the same probe under every profile, to name the settings that work.

import Foundation
import KazeBatch
import KazeClient
import KazeCrypto
import KazeProtocol

extension DoctorCommand {
    /// How far the platform's clock may be from this machine's before doctor flags it.
    static let clockTolerance: Double = 300

    /// What one probe showed.
    enum ProbeVerdict: Equatable {
        /// The answer's envelope opened (whatever its code).
        case opened(String)
        /// The platform could not open ours or we could not open its answer: keys or profile.
        case sealed(String)
        /// No usable answer at all (network, HTTP).
        case unreachable(String)

        /// True when the platform answered (its Date header could be read).
        var answered: Bool {
            if case .unreachable = self { return false }
            return true
        }
    }

    /// Sends the probe with `configuration` and classifies the answer.
    static func probe(_ configuration: Configuration, _ request: (operation: APIOperation, body: JSONObject)) async -> (
        ProbeVerdict, PlatformClock?
    ) {
        let client: KazePayClient
        do { client = try KazePayClient(configuration: configuration) } catch {
            return (.unreachable("\(error)"), nil)
        }
        let outcome = await client.call(request.operation, body: request.body, requestNo: RequestNumber.make())
        let verdict: ProbeVerdict
        switch outcome {
        case .success: verdict = .opened("answered SUCCESS")
        case .businessFailure: verdict = .opened("answered encrypt FAILED")
        case .platformError(let code, let detail, _) where code == .signError || code == .paramError:
            verdict = .sealed("the platform answered \(SafeText.shown(code.rawValue, limit: 40)): \(SafeText.shown(detail))")
        case .platformError(let code, _, _): verdict = .opened("answered \(SafeText.shown(code.rawValue, limit: 40))")
        case .protocolError(let reason): verdict = .sealed("the answer does not open: \(SafeText.shown(reason))")
        case .httpError(let status, _): verdict = .unreachable("HTTP \(status)")
        case .notSent(let reason), .unknown(let reason): verdict = .unreachable(SafeText.shown(reason))
        }
        return (verdict, client.platformClock)
    }

    /// Reports the clock offset measured during the probe (`answered`: whether any answer came).
    static func checkClock(_ clock: PlatformClock?, answered: Bool, report: DoctorReport) {
        guard let skew = clock?.skew else {
            guard answered else {
                report.add(.notApplicable("clock", "no answer from the platform to read its Date header from"))
                return
            }
            report.add(
                .fail(
                    "clock", "the platform's answers carry no Date header, so its clock offset is unknown",
                    fix: "set platformUtcOffset in the configuration; keep this machine's clock synchronised (NTP)"))
            return
        }
        let offset = (skew.low + skew.high) / 2
        let text = String(format: "%+.1f s (between %+.1f and %+.1f)", offset, skew.low, skew.high)
        if abs(offset) > clockTolerance {
            report.add(
                .fail(
                    "clock", "the platform's clock is \(text) from this machine's",
                    fix:
                        "synchronise this machine's clock (NTP); kazebatch allows for the offset, but requests far off in time may be refused"
                ))
        } else {
            report.add(.pass("clock", "platform clock offset \(text)"))
        }
    }

    /// Tries the probe under every combination of the three profile settings; reports those that work.
    static func searchProfiles(
        _ configuration: Configuration, _ request: (operation: APIOperation, body: JSONObject),
        report: DoctorReport
    ) async {
        var working: [CryptoProfile] = []
        for digest in SignDigest.allCases {
            for bits in AESKeyBits.allCases {
                for mode in AESMode.allCases {
                    let profile = CryptoProfile(signDigest: digest, aesKeyBits: bits, aesMode: mode)
                    guard profile != configuration.profile else { continue }
                    var trial = configuration
                    trial.profile = profile
                    if case .opened = await probe(trial, request).0 { working.append(profile) }
                }
            }
        }
        guard !working.isEmpty else {
            report.add(
                .fail(
                    "crypto profile", "no combination of sign digest, AES key size and AES mode works",
                    fix: "the keys or sysId do not match the platform's: check that KazePay has this merchant.pub,"
                        + " that platformPublicKey is KazePay's key, and the sysId"))
            return
        }
        let settings = working.map {
            "--sign-digest \($0.signDigest.rawValue) --aes-key-bits \($0.aesKeyBits.rawValue) --aes-mode \($0.aesMode.rawValue)"
        }
        let first = working[0]
        report.add(
            .fail(
                "crypto profile", "the configured profile fails; the probe works with: \(settings.joined(separator: " | "))",
                fix: "put \"signDigest\": \"\(first.signDigest.rawValue)\", \"aesKeyBits\": \(first.aesKeyBits.rawValue),"
                    + " \"aesMode\": \"\(first.aesMode.rawValue)\" in the config file"))
    }
}
