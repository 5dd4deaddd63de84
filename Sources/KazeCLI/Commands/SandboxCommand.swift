// SandboxCommand: `kazebatch sandbox` — prepares the sandbox folder (keys, client config),
// starts the simulator on 127.0.0.1, prints `listening on ...` and runs until SIGINT/SIGTERM.

import Foundation
import KazeCrypto
import KazeSandbox

enum SandboxCommand: Command {
    static let help = """
        usage: kazebatch sandbox [options]

        Runs the stateful KazePay simulator on 127.0.0.1. The first stdout line is
        `listening on http://127.0.0.1:PORT` (https with --tls); SIGINT or SIGTERM stops it (exit 0).

          --port N               port, 0 = any free port (default 0)
          --dir DIR              keys and kazebatch.json (default .kazebatch/sandbox)
          --cards N              preset users user000001@sandbox.test... with ACTIVE cards SB000001...
          --inventory N          unassigned card numbers for assign (default max(cards, 100))
          --merchant-balance A   USD for recharges (default 1000000.00)
          --state FILE           persist the state there, reload it at start
          --sys-id ID            accepted sysId (default 202402271432298822660001)
          --kyc-delay-ms N       KYC WAITING_KYC -> PASSED/REJECTED after N ms (default 0)
          --pending-ms N         recharge PENDING -> SUCCESS after N ms (default 0)
          --dedupe               answer a repeated requestNo with its first result
          --tls                  serve HTTPS with a throw-away CA made once in --dir (ca.pem, the
                                 client config's caFile) and a certificate for 127.0.0.1 and localhost
        faults (F is a fraction 0-1, decided per request by a generator seeded with --seed):
          --latency-ms N  --latency-jitter-ms N  --rate-limit RPS  --fail-rate F
          --timeout-rate F  --timeout-hang-ms N  --drop-after-commit F  --bad-sign-rate F  --seed N
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(
            words,
            valued: ["port", "dir", "cards", "inventory", "merchant-balance", "state", "sys-id", "kyc-delay-ms",
                     "pending-ms", "latency-ms", "latency-jitter-ms", "rate-limit", "fail-rate", "timeout-rate",
                     "timeout-hang-ms", "drop-after-commit", "bad-sign-rate", "seed"],
            boolean: ["dedupe", "tls"])
        guard arguments.positionals.isEmpty else { throw CLIError("unexpected argument \"\(arguments.positionals[0])\"") }
        let directory = SandboxDirectory(path: arguments.value("dir") ?? ".kazebatch/sandbox")
        let keys: (platformKey: RSAPrivateKey, merchantPublicKey: RSAPublicKey)
        do {
            keys = try directory.prepareKeys()
        } catch {
            throw CLIError("sandbox keys: \(error)")
        }
        var options = SandboxOptions(platformKey: keys.platformKey, merchantPublicKey: keys.merchantPublicKey)
        try configure(&options, from: arguments)
        let tls = arguments.flag("tls")
        if tls {
            do {
                options.tls = try TLSServerContext(files: try TLSCertificateAuthority.ensure(in: directory.path))
            } catch {
                throw CLIError("sandbox TLS certificate: \(error)")
            }
        }
        let signals = TerminationSignals()
        let sandbox: Sandbox
        let port: UInt16
        do {
            sandbox = try Sandbox(options: options)
            port = try sandbox.start()
            try directory.writeClientConfig(port: port, sysId: options.sysId, tls: tls)
        } catch {
            throw CLIError("sandbox: \(error)")
        }
        FileHandle.standardOutput.write(Data("listening on \(tls ? "https" : "http")://127.0.0.1:\(port)\n".utf8))
        _ = await signals.wait()
        sandbox.stop()
        if let problem = sandbox.persistenceError { Console.error("\(problem)") }
        return .success
    }

    /// Copies the flags into `options`.
    static func configure(_ options: inout SandboxOptions, from arguments: Arguments) throws {
        let big = 0...Int(Int32.max)
        if let port = try arguments.integer("port", in: 0...65535) { options.port = UInt16(port) }
        if let cards = try arguments.integer("cards", in: 0...1_000_000) { options.cards = cards }
        options.inventorySize = try arguments.integer("inventory", in: 1...100_000_000)
        if let text = arguments.value("merchant-balance") {
            guard let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), amount >= 0,
                  text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), text.first?.isNumber == true,
                  text.last?.isNumber == true, text.filter({ $0 == "." }).count <= 1
            else { throw CLIError("--merchant-balance must be an amount such as 1000000.00, got \"\(text)\"") }
            options.merchantBalance = amount
        }
        options.stateFile = arguments.value("state")
        if let sysId = arguments.value("sys-id") {
            guard (1...64).contains(sysId.count), sysId.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw CLIError("--sys-id must be 1 to 64 ASCII letters or digits (as the client requires), got \"\(sysId)\"")
            }
            options.sysId = sysId
        }
        options.kycDelayMs = try arguments.integer("kyc-delay-ms", in: big) ?? 0
        options.pendingMs = try arguments.integer("pending-ms", in: big) ?? 0
        options.dedupe = arguments.flag("dedupe")
        var faults = FaultOptions()
        faults.latencyMs = try arguments.integer("latency-ms", in: big) ?? 0
        faults.latencyJitterMs = try arguments.integer("latency-jitter-ms", in: big) ?? 0
        faults.rateLimit = try arguments.number("rate-limit", in: 0.001...1_000_000)
        faults.failRate = try arguments.number("fail-rate", in: 0...1) ?? 0
        faults.timeoutRate = try arguments.number("timeout-rate", in: 0...1) ?? 0
        faults.timeoutHangMs = try arguments.integer("timeout-hang-ms", in: big) ?? 0
        faults.dropAfterCommitRate = try arguments.number("drop-after-commit", in: 0...1) ?? 0
        faults.badSignRate = try arguments.number("bad-sign-rate", in: 0...1) ?? 0
        if let seed = arguments.value("seed") {
            guard let value = UInt64(seed) else { throw CLIError("--seed must be a whole number, got \"\(seed)\"") }
            faults.seed = value
        }
        options.faults = faults
    }
}
