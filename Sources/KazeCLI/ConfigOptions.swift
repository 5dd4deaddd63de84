// ConfigOptions: the configuration options every networked command accepts (`--config`,
// `--endpoint`, ..., `--live`) and how they become a Configuration, together with the
// environment and the config file (docs/DESIGN.md's table).

import Foundation
import KazeClient

/// The shared configuration options.
enum ConfigOptions {
    /// Names of the options that take a value: `config` and every setting except `live`.
    static let valued: Set<String> = Set(ConfigKey.allCases.filter { $0 != .live }.map(\.flagName)).union(["config"])

    /// Names of the boolean options: `live`.
    static let boolean: Set<String> = [ConfigKey.live.flagName]

    /// Help lines for these options, to append to a command's help text.
    static let help = """
        configuration (flags override KAZEBATCH_* variables, which override the config file):
          --config PATH                 config file (default ./kazebatch.json)
          --endpoint URL                API URL; only 127.0.0.0/8, ::1 or localhost unless --live (required)
          --sys-id ID                   merchant sysId (required)
          --merchant-key PATH           merchant private key PEM, mode 0600 (required)
          --platform-public-key PATH    platform public key PEM (required)
          --sign-digest sha256|sha1     signature digest (default sha256)
          --aes-key-bits 128|256        AES key size (default 128)
          --aes-mode ecb|cbc-zero-iv    AES mode (default ecb)
          --rate N                      requests per second (default 5)
          --burst N                     requests at once after a pause (default: the rate)
          --concurrency N               requests in flight (default 4)
          --timeout SECONDS             answer timeout: nothing received for that long (default 30);
                                        a call ends within twice this
          --connect-timeout SECONDS     connect + TLS handshake timeout (default 10)
          --keep-alive-idle SECONDS     reuse a kept-alive connection idle less than this (default 2, 0 = never)
          --max-response-bytes N        largest answer body accepted (default 16777216)
          --ca-file PATH                PEM CA bundle to trust instead of the system's (default: system)
          --pinned-keys PINS            comma-separated base64 SHA-256 SubjectPublicKeyInfo pins (default none)
          --proxy http://HOST:PORT      proxy for https endpoints (default: https_proxy/HTTPS_PROXY)
          --platform-utc-offset Z       zone of the platform's time texts, +HH:MM or auto (default auto: measured)
          --live                        allow an endpoint off this machine: real cards, real money (default off)
        """

    /// The configuration from the options in `args`, `environment` and the config file.
    /// - Throws: `CLIError` (exit 2) carrying the configuration problem.
    static func configuration(
        from args: Arguments, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Configuration {
        var flags: [String: String] = [:]
        for key in ConfigKey.allCases where key != .live {
            if let value = args.value(key.flagName) { flags[key.flagName] = value }
        }
        if args.flag(ConfigKey.live.flagName) { flags[ConfigKey.live.flagName] = "true" }
        do {
            return try Configuration.load(configPath: args.value("config"), environment: environment, flags: flags)
        } catch let error as ConfigurationError {
            throw CLIError(error.description)
        }
    }
}
