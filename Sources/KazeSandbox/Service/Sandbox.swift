// Sandbox: the simulator as a library — build it from options, start it on 127.0.0.1, read
// its state, stop it. `kazebatch sandbox` and the tests both use this.

import Foundation
import KazeCrypto
import KazeProtocol

/// A stateful KazePay simulator serving PROTOCOL.md on 127.0.0.1.
///
/// ```swift
/// let sandbox = try Sandbox(options: SandboxOptions(platformKey: platform, merchantPublicKey: merchant))
/// let port = try sandbox.start()
/// defer { sandbox.stop() }
/// ```
public final class Sandbox: Sendable {
    private let engine: SandboxEngine
    private let service: SandboxService
    private let persister: StatePersister?
    private let server: HTTPServer
    private let stopFlag = StopFlag()

    /// Builds the state (from the state file when it exists, else seeded from `options`).
    /// - Throws: `SandboxStateError` for a state file that cannot be read or written,
    ///   `SandboxOptionsError` for
    ///   a merchant balance that is negative or has more than two decimals.
    public init(options: SandboxOptions) throws {
        guard let balance = Cents(decimal: options.merchantBalance) else {
            throw SandboxOptionsError("merchant balance must be zero or more with at most two decimals")
        }
        let stateFile = options.stateFile.map(StateFile.init(path:))
        var state: SandboxState
        if let saved = try stateFile?.load(rules: options.rules) {
            state = saved
        } else {
            state = SandboxState(
                inventorySize: options.inventorySize ?? max(options.cards, 100), merchantBalance: balance,
                rules: options.rules)
            let now = Date()
            state.seed(cards: options.cards, now: now)
            state.seedPurchases(
                perCard: options.purchases, seed: options.faults.seed, platformNow: options.rules.clock.now(real: now),
                realNow: now)
        }
        let counts = FaultCounts()
        let engine = SandboxEngine(state: state, counts: counts)
        let faults = FaultInjector(options: options.faults)
        self.engine = engine
        persister = stateFile.map { StatePersister(file: $0, engine: engine) }
        let service = SandboxService(
            engine: engine, faults: faults, counts: counts,
            control: SandboxControl(options: options, faults: faults, engine: engine),
            codec: EnvelopeCodec(profile: options.profile, ownPrivateKey: options.platformKey,
                                 peerPublicKey: options.merchantPublicKey),
            sysId: options.sysId, stop: stopFlag)
        self.service = service
        server = HTTPServer(port: options.port, limits: options.limits) { await service.handle($0) }
        persister?.flush()
        if let problem = persister?.persistenceError { throw problem }
    }

    /// Starts listening; returns the port.
    /// - Throws: `HTTPServerError` when the port cannot be bound.
    public func start() throws -> UInt16 {
        let port = try server.start()
        persister?.start()
        return port
    }

    /// Stops serving, ends injected waits, and writes the state file. Idempotent.
    /// While running, the state file is rewritten at most every 200 ms after a change.
    public func stop() {
        stopFlag.raise()
        server.stop()
        persister?.stop()
    }

    /// The state as `GET /_sandbox/state` returns it (with the `faults` counts and `settings`).
    public func stateJSON() -> JSONValue { service.stateView() }

    /// The last error writing the state file, if the latest write failed.
    public var persistenceError: SandboxStateError? { persister?.persistenceError }
}
