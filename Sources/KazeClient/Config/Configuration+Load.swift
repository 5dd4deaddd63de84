// Configuration+Load: merges the config file, the environment and the flags, in that order
// of precedence, into a validated Configuration.

import Foundation

extension Configuration {
    /// Loads the configuration: file < environment < flags.
    ///
    /// - Parameters:
    ///   - configPath: `--config`; `nil` means `./kazebatch.json`, which may be absent when
    ///     everything required comes from the environment or flags. A given path must exist.
    ///   - environment: the process environment; `KAZEBATCH_*` variables are read, empty ones ignored,
    ///     and, as curl reads them, `https_proxy`/`HTTPS_PROXY` (when no `proxy` setting is given) and
    ///     `no_proxy`/`NO_PROXY`.
    ///   - flags: flag values by flag name without `--` (`"sys-id"`, `"rate"`); the boolean
    ///     `live` flag as `"true"`.
    /// - Returns: the configuration after `validated()`.
    /// - Throws: `ConfigurationError` naming the file, variable or flag to fix.
    ///
    /// Relative key paths in the file are resolved from the file's folder; in the environment
    /// and flags, from the working directory.
    public static func load(configPath: String?, environment: [String: String], flags: [String: String]) throws -> Configuration {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let fileValues = try ConfigFile.read(path: configPath ?? defaultPath, required: configPath != nil)
        var values = fileValues ?? [:]
        for key in ConfigKey.allCases {
            if let text = environment[key.environmentName], !text.isEmpty {
                values[key] = ConfigValue(text: text, origin: key.environmentName, baseDirectory: workingDirectory)
            }
        }
        if values[.proxy] == nil, let (name, text) = ProxyRoute.environmentProxy(environment) {
            values[.proxy] = ConfigValue(text: text, origin: name, baseDirectory: workingDirectory)
        }
        let known = Dictionary(uniqueKeysWithValues: ConfigKey.allCases.map { ($0.flagName, $0) })
        for (name, text) in flags {
            guard let key = known[name] else {
                throw ConfigurationError.invalidValue(origin: "--\(name)", value: text, expected: "a known setting")
            }
            values[key] = ConfigValue(text: text, origin: "--\(name)", baseDirectory: workingDirectory)
        }
        do {
            var configuration = try ConfigParser(values: values).configuration()
            configuration.noProxy = ProxyRoute.noProxyEntries(environment)
            return try configuration.validated()
        } catch ConfigurationError.missing(let key) where fileValues == nil {
            throw ConfigurationError.missingWithoutFile(key)
        }
    }
}
