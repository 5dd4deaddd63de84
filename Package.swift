// swift-tools-version:6.0
// kazebatch — batch processor for KazePay's Physical Card API.
// Zero package dependencies: Foundation and the system OpenSSL only.
import PackageDescription

let package = Package(
    name: "kazebatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kazebatch", targets: ["kazebatch"])
    ],
    dependencies: [],
    targets: [
        // System OpenSSL (libssl-dev) with a tiny shim header for what Swift cannot import.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        // RSA, AES, SHA, random, hex/base64 over OpenSSL, and the kazepay-v1 envelope.
        .target(name: "KazeCrypto", dependencies: ["COpenSSL"]),
        // The one lock box for state shared between threads (`Locked<Value>`).
        .target(name: "KazeSync"),
        // Wire format shared by client and sandbox: JSON values, operations, models, codes, and
        // the CardAPI protocol with its call outcomes (what a batch engine needs of a client).
        .target(name: "KazeProtocol", dependencies: ["KazeCrypto", "KazeSync"]),
        // The API client: configuration, transport, typed calls and outcome classes.
        .target(name: "KazeClient", dependencies: ["KazeProtocol", "KazeCrypto", "KazeSync"]),
        // The batch engine: readers, schemas, validation, plan, execution, journal, outputs. It
        // calls the platform through KazeProtocol's CardAPI and needs no HTTP code.
        .target(name: "KazeBatch", dependencies: ["KazeProtocol", "KazeCrypto", "KazeSync"]),
        // The stateful KazePay simulator and its small HTTP/1.1 server.
        .target(name: "KazeSandbox", dependencies: ["KazeProtocol", "KazeCrypto", "KazeSync"]),
        // The commands: argument parsing, configuration, dispatch, exit codes.
        .target(name: "KazeCLI", dependencies: ["KazeBatch", "KazeClient", "KazeSandbox", "KazeProtocol", "KazeCrypto", "KazeSync"]),
        // Thin executable: hands the arguments to KazeCLI and exits with its code.
        .executableTarget(name: "kazebatch", dependencies: ["KazeCLI"]),
        // Shared test support (not a test target, used by test targets only): the built binary as a
        // child process (and its test-only crash point), the sandbox process, an in-process
        // sandbox with a client (SandboxFixture), temporary folders, the test keys, request
        // bodies, results and audit files read back (RFC 4180).
        .target(
            name: "KazeTestSupport",
            dependencies: ["KazeCrypto", "KazeProtocol", "KazeClient", "KazeSandbox", "KazeBatch"],
            path: "Tests/KazeTestSupport"
        ),
        .testTarget(
            name: "KazeCryptoTests",
            dependencies: ["KazeCrypto", "KazeProtocol"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "KazeProtocolTests", dependencies: ["KazeProtocol"]),
        .testTarget(
            name: "KazeClientTests",
            dependencies: ["KazeClient", "KazeProtocol", "KazeCrypto", "KazeSandbox", "KazeTestSupport"]
        ),
        .testTarget(
            name: "KazeBatchTests",
            dependencies: ["KazeBatch", "KazeClient", "KazeProtocol", "KazeSandbox", "KazeTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "KazeSandboxTests",
            dependencies: ["KazeSandbox", "KazeClient", "KazeProtocol", "KazeCrypto", "KazeTestSupport"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "KazeBatch", "KazeCLI", "KazeClient", "KazeCrypto", "KazeProtocol", "KazeSandbox", "KazeSync", "KazeTestSupport",
            ]),
        // End-to-end tests: the built `kazebatch` binary and `kazebatch sandbox` as child
        // processes (runs killed and resumed, signals, locks, doctor, the demo); part of `make test`.
        .testTarget(
            name: "KazeEndToEndTests",
            dependencies: ["KazeBatch", "KazeCLI", "KazeClient", "KazeCrypto", "KazeProtocol", "KazeSandbox", "KazeTestSupport"]
        ),
        // The chaos matrix (`make chaos`, minutes; not part of `make test`): real processes,
        // faults, SIGKILLs and the recommended follow-ups, judged against the sandbox's state.
        .testTarget(name: "KazeChaosTests", dependencies: ["KazeProtocol", "KazeSandbox", "KazeTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (`make fuzz`, Tests/Fuzz/README.md): one executable per fuzzed parser, each
// exporting `LLVMFuzzerTestOneInput`. Declared only when KAZEBATCH_FUZZ is set, in a separate
// build folder, so `swift build` and `swift test` never build them.
if Context.environment["KAZEBATCH_FUZZ"] != nil {
    package.targets.append(
        .target(
            name: "FuzzSupport", dependencies: ["KazeCrypto"], path: "Tests/Fuzz/Support"))
    let fuzzTargets: [(name: String, folder: String, dependencies: [Target.Dependency])] = [
        ("FuzzCSVReader", "csv-reader", ["KazeBatch"]),
        ("FuzzJSONLReader", "jsonl-reader", ["KazeBatch"]),
        ("FuzzJSONParser", "json-parser", ["KazeProtocol"]),
        ("FuzzEnvelope", "envelope", ["KazeCrypto", "KazeProtocol"]),
        ("FuzzHTTPResponse", "http-response", ["KazeClient", "KazeProtocol"]),
        ("FuzzHTTPRequest", "http-request", ["KazeSandbox"]),
        ("FuzzConfig", "config", ["KazeClient"]),
    ]
    for fuzz in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: fuzz.name, dependencies: fuzz.dependencies + ["FuzzSupport"],
                path: "Tests/Fuzz/\(fuzz.folder)", exclude: ["corpus"]))
    }
}
