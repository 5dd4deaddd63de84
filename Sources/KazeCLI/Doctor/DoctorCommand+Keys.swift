// DoctorCommand+Keys: the configuration file and the keys — the private key's permissions, both
// keys readable RSA of an allowed size, and the merchant key matching a `merchant.pub` beside it.

import Foundation
import KazeClient
import KazeCrypto

extension DoctorCommand {
    /// The configuration from the options, or nil after reporting why it cannot be used.
    static func checkConfiguration(_ arguments: Arguments, report: DoctorReport) -> Configuration? {
        let source =
            arguments.value("config")
            ?? (FileManager.default.fileExists(atPath: "kazebatch.json")
                ? "kazebatch.json" : "flags and KAZEBATCH_* variables (no ./kazebatch.json)")
        do {
            let configuration = try ConfigOptions.configuration(from: arguments)
            let profile = configuration.profile
            report.add(
                .pass(
                    "configuration",
                    "\(source): endpoint \(configuration.endpoint.absoluteString), sysId"
                        + " \(configuration.sysId), profile \(profile.signDigest.rawValue)/AES-\(profile.aesKeyBits.rawValue)/\(profile.aesMode.rawValue)"
                ))
            return configuration
        } catch let error as CLIError {
            report.add(
                .fail(
                    "configuration", "\(source): \(error.message)",
                    fix: "correct the setting named above in the config file, its KAZEBATCH_* variable or flag"
                        + " (kazebatch doctor --help lists them)"))
            return nil
        } catch {
            report.add(.fail("configuration", "\(error)", fix: "correct the configuration"))
            return nil
        }
    }

    /// Checks the two keys of `configuration`; returns true when they can be used.
    static func checkKeys(_ configuration: Configuration, report: DoctorReport) -> Bool {
        let privatePath = configuration.merchantKeyPath
        let merchant: RSAPrivateKey
        do {
            merchant = try RSAPrivateKey(pem: try String(contentsOfFile: privatePath, encoding: .utf8))
        } catch {
            report.add(
                .fail(
                    "merchant key", "\(privatePath): \(error)",
                    fix: "point merchantKey at your PEM private key (RSA, at least 2048 bits; `kazebatch keys generate DIR` makes one)"))
            return false
        }
        var details = ["\(privatePath): RSA \(merchant.bits) bits, mode \(modeText(privatePath))"]
        let besides = URL(fileURLWithPath: privatePath).deletingLastPathComponent().appendingPathComponent("merchant.pub").path
        if FileManager.default.fileExists(atPath: besides) {
            let matches =
                (try? RSAPublicKey(pem: String(contentsOfFile: besides, encoding: .utf8)).pem()) == (try? merchant.publicKey().pem())
            guard matches else {
                report.add(
                    .fail(
                        "merchant key", "\(privatePath) does not match \(besides) (the public key KazePay was given)",
                        fix: "use the private key that belongs to the uploaded merchant.pub, or upload this key's public half"))
                return false
            }
            details.append("matches \(besides)")
        }
        report.add(.pass("merchant key", details.joined(separator: "; ")))
        let platformPath = configuration.platformPublicKeyPath
        do {
            let platform = try RSAPublicKey(pem: try String(contentsOfFile: platformPath, encoding: .utf8))
            report.add(.pass("platform key", "\(platformPath): RSA \(platform.bits) bits"))
            return true
        } catch {
            report.add(
                .fail(
                    "platform key", "\(platformPath): \(error)",
                    fix: "put KazePay's public key (PEM) there and point platformPublicKey at it"))
            return false
        }
    }

    /// The file's permission bits as `0600`.
    private static func modeText(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return "unknown" }
        let octal = String(status.st_mode & 0o777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - octal.count)) + octal
    }
}
