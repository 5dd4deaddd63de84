// SandboxCommand: `kazebatch sandbox` — prepares the sandbox folder (keys, client config),
// starts the simulator on 127.0.0.1, prints `listening on ...` and runs until SIGINT/SIGTERM.

import Foundation
import KazeCrypto
import KazeProtocol
import KazeSandbox

enum SandboxCommand: Command {
    static let help = """
        usage: kazebatch sandbox [options]

        Runs the stateful KazePay simulator on 127.0.0.1. It writes its keys and a client config
        (kazebatch.json) into --dir; the first stdout line is `listening on http://127.0.0.1:PORT`
        (https with --tls); SIGINT or SIGTERM stops it. GET /_sandbox/state shows the state and
        fault counts; POST /_sandbox/control {"fail-rate": 0.5, ...} changes any setting not
        marked (start).

        options:
          --port N               (start) port, 0 = any free port (default 0)
          --dir DIR              (start) keys and kazebatch.json (default .kazebatch/sandbox)
          --cards N              (start) preset users user000001@sandbox.test... with ACTIVE cards
                                 SB000001... (default 0)
          --purchases N          (start) Expenditure transactions in each preset card's last 24 h (default 0)
          --inventory N          (start) unassigned card numbers for assign (default max(cards, 100))
          --merchant-balance A   (start) USD for recharges (default 1000000.00)
          --state FILE           (start) persist the state there (and FILE.log), reload it at start
                                 (default: in memory only)
          --sys-id ID            (start) accepted sysId (default 202402271432298822660001)
          --kyc-delay-ms N       KYC WAITING_KYC -> PASSED/REJECTED after N ms (default 0)
          --clock-offset-s S     platform clock = real clock + S seconds (default 0)
          --utc-offset +HH:MM    zone of the platform's yyyy-MM-dd HH:mm:ss texts (default +00:00)
          --page-size-cap N      most queryTransactions entries per page, 1-100 (default 100)
          --dedupe MODE          repeated requestNo: off, replay (first answer) or reject (default off)
          --tls                  (start) serve HTTPS (default off: plain HTTP) with a throw-away CA
                                 made once in --dir (ca.pem, the client config's caFile)
        crypto profile (start; written into kazebatch.json unless --config-profile default):
          --sign-digest sha256|sha1     signature digest the platform uses (default sha256)
          --aes-key-bits 128|256        AES key size (default 128)
          --aes-mode ecb|cbc-zero-iv    AES mode (default ecb)
          --config-profile P            sandbox or default: the profile written into kazebatch.json
                                        (default sandbox; default rehearses a wrong profile for doctor)
        faults (F is a fraction 0-1, decided per request by a generator seeded with --seed):
          --latency-ms N         delay before each answer (default 0)
          --latency-jitter-ms N  random extra delay up to N (default 0)
          --fail-rate F          answer HTTP 500 or SYSTEM_ERROR, nothing committed (default 0)
          --bad-sign-rate F      committed, answered with a corrupted signature (default 0)
          --seed N               the fault generator's seed (default 1)
          --rate-limit RPS       refuse requests above RPS (default: no limit)
          --rate-limit-style S   429, envelope or mixed (default mixed)
          --timeout-rate F       no answer, nothing committed (default 0)
          --timeout-hang-ms N    how long such a request is held before closing (default 0)
          --drop-after-commit F  committed, connection closed without an answer (default 0)
          --gateway-error-after-commit F  committed, answered 502/504 with an HTML page (default 0)
          --late-commit-rate F   closed at once, committed later (default 0)
          --late-commit-ms N     how much later (default 5000)
          --recharge-fail-rate F recharge PENDING -> FAILED instead of SUCCESS (default 0)
          --pending-ms N         how long a recharge stays PENDING (default 0)

        exit status: 0 stopped by SIGINT/SIGTERM; 2 usage, or the port, keys or folder cannot be used.

        examples:
          kazebatch sandbox --port 8080 --cards 20
          kazebatch sandbox --cards 5 --fail-rate 0.2 --drop-after-commit 0.05 --seed 7
          kazebatch sandbox --aes-key-bits 256 --aes-mode cbc-zero-iv --config-profile default
        """

    /// Settings only read at start; the others can also change at run time.
    private static let startSettings: Set<String> = [
        "port", "dir", "cards", "purchases", "inventory", "merchant-balance", "state", "sys-id",
        "sign-digest", "aes-key-bits", "aes-mode", "config-profile",
    ]

    /// Flags that only say how another flag's fault behaves, with that flag.
    private static let companions = [
        ("late-commit-ms", "late-commit-rate"), ("pending-ms", "recharge-fail-rate"),
        ("rate-limit-style", "rate-limit"), ("timeout-hang-ms", "timeout-rate"),
    ]

    static func run(_ words: [String]) async throws -> ExitCode {
        let arguments = try Arguments(
            spellingDedupeAsReplay(words), valued: startSettings.union(SandboxOptions.runtimeSettings), boolean: ["tls"])
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
        let clientProfile = try self.clientProfile(arguments, sandbox: options.profile)
        let signals = TerminationSignals()
        let sandbox: Sandbox
        let port: UInt16
        do {
            sandbox = try Sandbox(options: options)
            port = try sandbox.start()
            try directory.writeClientConfig(port: port, sysId: options.sysId, tls: tls, profile: clientProfile)
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
        for (companion, main) in companions where arguments.value(companion) != nil && arguments.value(main) == nil {
            throw CLIError("--\(companion) needs --\(main) (it says how that fault behaves)")
        }
        if let port = try arguments.integer("port", in: 0...65535) { options.port = UInt16(port) }
        if let cards = try arguments.integer("cards", in: 0...1_000_000) { options.cards = cards }
        if let purchases = try arguments.integer("purchases", in: 0...1000) { options.purchases = purchases }
        options.inventorySize = try arguments.integer("inventory", in: 1...100_000_000)
        if let text = arguments.value("merchant-balance") {
            guard !text.hasPrefix("-"), let amount = Amount.decimal(text) else {
                throw CLIError("--merchant-balance must be an amount such as 1000000.00, got \"\(text)\"")
            }
            options.merchantBalance = amount
        }
        options.stateFile = arguments.value("state")
        if let sysId = arguments.value("sys-id") {
            guard SysId.isValid(sysId) else {
                throw CLIError("--sys-id must be \(SysId.expected) (as the client requires), got \"\(sysId)\"")
            }
            options.sysId = sysId
        }
        options.profile = try profile(arguments)
        for name in SandboxOptions.runtimeSettings {
            guard let text = arguments.value(name) else { continue }
            do {
                try options.set(name, to: text)
            } catch {
                throw CLIError("--\(error)")
            }
        }
    }

    /// The crypto profile of `--sign-digest`, `--aes-key-bits` and `--aes-mode` (each defaulting
    /// to kazepay-v1's setting).
    static func profile(_ arguments: Arguments) throws -> CryptoProfile {
        func choice<T>(_ name: String, _ make: (String) -> T?, _ expected: String, _ fallback: T) throws -> T {
            guard let text = arguments.value(name) else { return fallback }
            guard let value = make(text) else { throw CLIError("--\(name) must be \(expected), got \"\(text)\"") }
            return value
        }
        return CryptoProfile(
            signDigest: try choice("sign-digest", SignDigest.init(rawValue:), "sha256 or sha1", .sha256),
            aesKeyBits: try choice("aes-key-bits", { Int($0).flatMap(AESKeyBits.init(rawValue:)) }, "128 or 256", .bits128),
            aesMode: try choice("aes-mode", AESMode.init(rawValue:), "ecb or cbc-zero-iv", .ecb))
    }

    /// The profile written into the client config: the sandbox's, or the default one with
    /// `--config-profile default`.
    static func clientProfile(_ arguments: Arguments, sandbox: CryptoProfile) throws -> CryptoProfile {
        switch arguments.value("config-profile") ?? "sandbox" {
        case "sandbox": return sandbox
        case "default": return .kazepayV1
        case let other: throw CLIError("--config-profile must be sandbox or default, got \"\(other)\"")
        }
    }

    /// The words with a bare `--dedupe` (the former on/off switch, followed by nothing or by
    /// another option) spelled `--dedupe=replay`.
    static func spellingDedupeAsReplay(_ words: [String]) -> [String] {
        words.indices.map { index in
            guard words[index] == "--dedupe" else { return words[index] }
            let next = words.indices.contains(index + 1) ? words[index + 1] : nil
            return next.map { $0.hasPrefix("-") } ?? true ? "--dedupe=replay" : words[index]
        }
    }
}
