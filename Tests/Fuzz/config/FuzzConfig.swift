// FuzzConfig: libFuzzer entry point for the configuration loader. The input is a
// `kazebatch.json` in a folder that also holds the committed test keys (mode 0600), so a valid
// file loads completely; every failure must be a ConfigurationError with a message. The same
// text is also given to each setting as its flag and as its environment variable.

import Foundation
import FuzzSupport

@testable import KazeClient

/// A minimal valid config in the scratch folder, for the flag and environment passes.
private let validConfig: String = {
    for name in ["merchant.pem", "platform.pub"] {
        let path = ScratchFolder.write(Array(FileManager.default.contents(atPath: TestKeyFiles.path(name)) ?? Data()), to: name)
        chmod(path, 0o600)
    }
    return ScratchFolder.write(
        Array(
            """
            {"endpoint": "http://127.0.0.1:8080/", "sysId": "S1", "merchantKey": "merchant.pem", "platformPublicKey": "platform.pub"}
            """.utf8), to: "valid.json")
}()

/// Loads a configuration and checks that any failure is an operator message.
private func load(configPath: String, environment: [String: String] = [:], flags: [String: String] = [:]) {
    do {
        _ = try Configuration.load(configPath: configPath, environment: environment, flags: flags)
    } catch let error as ConfigurationError {
        FuzzOracle.require(!error.description.isEmpty, "an empty configuration message")
    } catch {
        FuzzOracle.require(false, "not a ConfigurationError: \(error)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let valid = validConfig
    load(configPath: ScratchFolder.write(bytes, to: "kazebatch.json"))
    guard size <= 512, let text = String(validating: bytes, as: UTF8.self), !text.contains("\0") else { return 0 }
    for key in ConfigKey.allCases {
        load(configPath: valid, flags: [key.flagName: text])
        load(configPath: valid, environment: [key.environmentName: text])
    }
    return 0
}

/// The executable's entry point: libFuzzer with `fuzzConfig`.
@_cdecl("FuzzConfig_main")
public func fuzzConfigMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzConfig)
}
