// DoctorCommand: `kazebatch doctor` — checks, in order, the configuration and keys, the endpoint
// (DNS, TCP, TLS, pins), one read-only probe call and the platform's clock, with a fix for each
// failure; when the probe fails on the crypto profile, finds the profile that works.

import Foundation
import KazeClient
import KazeProtocol

enum DoctorCommand: Command {
    static let help = """
        usage: kazebatch doctor [options]

        Checks, in order, with a ✓ or ✗ line each and a fix for each ✗: the configuration file
        and keys (private key permissions, key sizes, the merchant key matching a merchant.pub
        beside it), the endpoint as the transport reaches it (DNS, TCP or the proxy's tunnel, TLS
        certificate chain against caFile or the system store, host name and expiry, pinnedKeys;
        not applicable for http on this machine), one read-only probe call (an answer whose
        envelope opens counts, even NOT_FOUND) and the platform's clock offset (its Date
        header). When the probe fails on the crypto profile it is sent again under every sign
        digest × AES key size × AES mode, and the settings that work are printed.

        options:
          --probe-card ID               probe with queryCard of this card (default: queryUcardKycStatus
                                        of \(probeEmail))
        \(ConfigOptions.help)

        exit status: 0 every check passed; 1 a check failed; 2 usage.

        examples:
          kazebatch doctor
          kazebatch doctor --config .kazebatch/sandbox/kazebatch.json
          kazebatch doctor --config /etc/kazebatch/kazebatch.json --live --probe-card C0001234
        """

    /// The address of the default probe (a read of a KYC status, harmless when unknown).
    static let probeEmail = "doctor-probe@kazebatch.invalid"

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(words, valued: ConfigOptions.valued.union(["probe-card"]), boolean: ConfigOptions.boolean)
        guard arguments.positionals.isEmpty else { throw CLIError("unexpected argument \"\(arguments.positionals[0])\"") }
        let request = probeRequest(card: arguments.value("probe-card"))
        let report = DoctorReport()
        guard let configuration = checkConfiguration(arguments, report: report),
            checkKeys(configuration, report: report),
            checkEndpoint(configuration, report: report)
        else { return .someFailed }
        let (verdict, clock) = await probe(configuration, request)
        checkClock(clock, answered: verdict.answered, report: report)
        let name = "probe \(request.operation.apiCode)"
        switch verdict {
        case .opened(let detail):
            report.add(.pass(name, "\(detail); keys, sysId and crypto profile work"))
        case .sealed(let detail):
            report.add(.fail(name, detail, fix: "see the crypto profile line below"))
            await searchProfiles(configuration, request, report: report)
        case .unreachable(let detail):
            report.add(.fail(name, detail, fix: "check the endpoint's URL path and that it is KazePay's API"))
        }
        return report.failed ? .someFailed : .success
    }

    /// The read-only probe: queryCard of `card`, or queryUcardKycStatus of the probe address.
    static func probeRequest(card: String?) -> (operation: APIOperation, body: JSONObject) {
        guard let card else { return (.kycStatus, JSONObject([("email", .string(probeEmail))])) }
        return (.card, JSONObject([("cardID", .string(card))]))
    }
}
