// ConfigurationTests: file < environment < flags, relative key paths, error messages that
// name the setting's origin, the key-permission check and the live guard.

import Foundation
import KazeCrypto
import KazeTestSupport
import XCTest

@testable import KazeClient

final class ConfigurationTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryFolder("kazeclient").url
        try writeKeyFiles(into: folder)
    }

    private func writeConfig(_ json: String, name: String = "kazebatch.json") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private let minimalFile = """
        {"endpoint": "http://127.0.0.1:9000/api", "sysId": "202402271432298822660001",
         "merchantKey": "merchant.pem", "platformPublicKey": "platform.pub"}
        """

    func testFileAloneGivesDefaultsAndResolvesKeysFromItsFolder() throws {
        let config = try Configuration.load(configPath: try writeConfig(minimalFile), environment: [:], flags: [:])
        XCTAssertEqual(config.endpoint.absoluteString, "http://127.0.0.1:9000/api")
        XCTAssertEqual(config.merchantKeyPath, folder.appendingPathComponent("merchant.pem").path)
        XCTAssertEqual(config.platformPublicKeyPath, folder.appendingPathComponent("platform.pub").path)
        XCTAssertEqual(config.profile, .kazepayV1)
        XCTAssertEqual(config.rate, 5)
        XCTAssertEqual(config.burst, 5)
        XCTAssertEqual(config.concurrency, 4)
        XCTAssertEqual(config.timeoutSeconds, 30)
        XCTAssertFalse(config.live)
    }

    func testEnvironmentOverridesFileAndFlagsOverrideEnvironment() throws {
        let path = try writeConfig(
            """
            {"endpoint": "http://127.0.0.1:9000/api", "sysId": "FILE", "merchantKey": "merchant.pem",
             "platformPublicKey": "platform.pub", "rate": 2, "aesMode": "ecb", "signDigest": "sha256"}
            """)
        let environment = [
            "KAZEBATCH_SYS_ID": "ENV", "KAZEBATCH_RATE": "3", "KAZEBATCH_AES_MODE": "cbc-zero-iv",
            "KAZEBATCH_AES_KEY_BITS": "256", "KAZEBATCH_TIMEOUT": "", "HOME": "/nowhere",
        ]
        let flags = ["sys-id": "FLAG", "aes-key-bits": "128", "sign-digest": "SHA1", "concurrency": "9", "burst": "2"]
        let config = try Configuration.load(configPath: path, environment: environment, flags: flags)
        XCTAssertEqual(config.sysId, "FLAG")
        XCTAssertEqual(config.rate, 3)
        XCTAssertEqual(config.burst, 2)
        XCTAssertEqual(config.concurrency, 9)
        XCTAssertEqual(config.timeoutSeconds, 30, "an empty variable counts as unset")
        XCTAssertEqual(config.profile, CryptoProfile(signDigest: .sha1, aesKeyBits: .bits128, aesMode: .cbcZeroIV))
    }

    func testEverythingFromEnvironmentWithoutAFile() throws {
        XCTAssertNil(try ConfigFile.read(path: folder.appendingPathComponent("absent.json").path, required: false))
        let environment = [
            "KAZEBATCH_ENDPOINT": "http://localhost:8080", "KAZEBATCH_SYS_ID": "S1",
            "KAZEBATCH_MERCHANT_KEY": folder.appendingPathComponent("merchant.pem").path,
            "KAZEBATCH_PLATFORM_PUBLIC_KEY": folder.appendingPathComponent("platform.pub").path,
            "KAZEBATCH_RATE": "2.5", "KAZEBATCH_LIVE": "no",
        ]
        let config = try Configuration.load(configPath: nil, environment: environment, flags: [:])
        XCTAssertEqual(config.burst, 3, "burst defaults to the rate rounded up")
        XCTAssertFalse(config.live)
    }

    func testMissingExplicitFileAndMissingSettings() throws {
        let absent = folder.appendingPathComponent("absent.json").path
        XCTAssertThrowsError(try Configuration.load(configPath: absent, environment: [:], flags: [:])) {
            XCTAssertEqual("\($0)", "config file \(absent) does not exist")
        }
        let path = try writeConfig(#"{"endpoint": "http://127.0.0.1:1"}"#)
        XCTAssertThrowsError(try Configuration.load(configPath: path, environment: [:], flags: [:])) {
            XCTAssertEqual("\($0)", "missing setting sysId: set \"sysId\" in the config file, KAZEBATCH_SYS_ID or --sys-id")
        }
    }

    func testMissingSettingsWithoutAnyConfigFileSayThereIsNone() throws {
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder.path))
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        XCTAssertThrowsError(try Configuration.load(configPath: nil, environment: [:], flags: [:])) {
            XCTAssertEqual(
                "\($0)",
                "missing setting endpoint, and no config file: there is no ./kazebatch.json here;"
                    + " pass --config PATH (kazebatch sandbox writes one into its --dir), or set KAZEBATCH_ENDPOINT or --endpoint")
        }
    }

    func testBadValuesNameTheirOrigin() throws {
        let path = try writeConfig(minimalFile)
        let cases: [([String: String], [String: String], String)] = [
            ([:], ["rate": "fast"], "--rate: expected requests per second from 0.001 to 10000, got \"fast\""),
            (["KAZEBATCH_AES_KEY_BITS": "192"], [:], "KAZEBATCH_AES_KEY_BITS: expected 128 or 256, got \"192\""),
            ([:], ["aes-mode": "gcm"], "--aes-mode: expected ecb or cbc-zero-iv, got \"gcm\""),
            ([:], ["concurrency": "0"], "--concurrency: expected a whole number from 1 to 1024, got \"0\""),
            (["KAZEBATCH_LIVE": "maybe"], [:], "KAZEBATCH_LIVE: expected true or false, got \"maybe\""),
            ([:], ["endpoint": "ftp://127.0.0.1/"], "--endpoint: expected an http:// or https:// URL, got \"ftp://127.0.0.1/\""),
            ([:], ["sys-id": "a b"], "--sys-id: expected 1 to 64 ASCII letters or digits, got \"a b\""),
        ]
        for (environment, flags, message) in cases {
            XCTAssertThrowsError(try Configuration.load(configPath: path, environment: environment, flags: flags)) {
                XCTAssertEqual("\($0)", message)
            }
        }
        let typo = try writeConfig(#"{"endpiont": "http://127.0.0.1:1"}"#, name: "typo.json")
        XCTAssertThrowsError(try Configuration.load(configPath: typo, environment: [:], flags: [:])) {
            XCTAssertTrue("\($0)".hasPrefix("config file \(typo) is invalid: unknown setting \"endpiont\""), "\($0)")
        }
        let broken = try writeConfig(#"{"rate": 5,}"#, name: "broken.json")
        XCTAssertThrowsError(try Configuration.load(configPath: broken, environment: [:], flags: [:])) {
            XCTAssertTrue("\($0)".hasPrefix("config file \(broken) is invalid: invalid JSON at byte"), "\($0)")
        }
    }

    func testPrivateKeyReadableByOthersIsRefused() throws {
        let key = folder.appendingPathComponent("merchant.pem").path
        for mode in [0o644, 0o640, 0o604, 0o660] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: key)
            XCTAssertThrowsError(try Configuration.load(configPath: try writeConfig(minimalFile), environment: [:], flags: [:])) {
                let octal = "0" + String(mode, radix: 8)
                XCTAssertEqual("\($0)", "private key \(key) is readable by group or others (mode \(octal)); run chmod 600 \(key)")
            }
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: key)
        XCTAssertNoThrow(try Configuration.load(configPath: try writeConfig(minimalFile), environment: [:], flags: [:]))
    }

    func testNonLoopbackEndpointNeedsLiveAndHTTPS() throws {
        let path = try writeConfig(minimalFile)
        let live = "https://api.kazepay.example/card"
        XCTAssertThrowsError(try Configuration.load(configPath: path, environment: [:], flags: ["endpoint": live])) {
            XCTAssertEqual($0 as? ConfigurationError, .liveNotEnabled(endpoint: live))
        }
        XCTAssertThrowsError(
            try Configuration.load(
                configPath: path, environment: [:], flags: ["endpoint": "http://api.kazepay.example/card", "live": "true"])
        ) {
            XCTAssertEqual($0 as? ConfigurationError, .insecureEndpoint(endpoint: "http://api.kazepay.example/card"))
        }
        let config = try Configuration.load(configPath: path, environment: ["KAZEBATCH_LIVE": "true"], flags: ["endpoint": live])
        XCTAssertTrue(config.live)
        XCTAssertNoThrow(try KazePayClient(configuration: config), "keys load; nothing is sent at init")
        var direct = config
        direct.live = false
        XCTAssertThrowsError(try KazePayClient(configuration: direct), "the client applies the guard too")
    }

    func testLoopbackHosts() throws {
        for host in ["http://127.0.0.1:1", "http://127.255.0.9/x", "http://localhost:80", "http://LOCALHOST", "http://[::1]:8080/"] {
            XCTAssertTrue(Endpoint.isLoopback(try XCTUnwrap(URL(string: host))), host)
        }
        for host in [
            "http://128.0.0.1", "http://127.0.0.1.example.com", "http://localhost.example.com", "http://10.0.0.1",
            "http://[::2]/", "http://127.0.0.256", "http://0.0.0.0", "http://example.com",
        ] {
            XCTAssertFalse(Endpoint.isLoopback(try XCTUnwrap(URL(string: host))), host)
        }
    }

    func testUnreadableOrInvalidKeysAreReported() throws {
        let config = try Configuration.load(configPath: try writeConfig(minimalFile), environment: [:], flags: [:])
        var wrongKind = config
        wrongKind.platformPublicKeyPath = config.merchantKeyPath
        XCTAssertThrowsError(try KazePayClient(configuration: wrongKind)) {
            XCTAssertTrue("\($0)".hasPrefix("key file \(config.merchantKeyPath): cannot read the public key: "), "\($0)")
            XCTAssertFalse("\($0)".contains("MII"), "no key material in messages")
        }
        var absent = config
        absent.platformPublicKeyPath = folder.appendingPathComponent("none.pub").path
        XCTAssertThrowsError(try KazePayClient(configuration: absent)) {
            XCTAssertEqual("\($0)", "cannot read key file \(absent.platformPublicKeyPath): No such file or directory")
        }
    }
}
