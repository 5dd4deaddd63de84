// Sandbox: the simulator as a library — build it from options, start it on 127.0.0.1, read
// its state, stop it. `kazebatch sandbox` and the tests both use this.

import Foundation
import KazeCrypto
import KazeProtocol

/// A stateful KazePay simulator serving docs/PROTOCOL.md on 127.0.0.1.
///
/// ```swift
/// let sandbox = try Sandbox(options: SandboxOptions(platformKey: platform, merchantPublicKey: merchant))
/// let port = try sandbox.start()
/// defer { sandbox.stop() }
/// ```
public final class Sandbox: Sendable {
    private let service: SandboxService
    private let persister: StatePersister?
    private let server: HTTPServer
    private let stopFlag = StopFlag()

    /// Builds the state (from the state file and its log when they exist, else seeded from
    /// `options`), applies the late commits that fell due while it was down, and writes it.
    /// - Throws: `SandboxStateError` for a state file that cannot be read or written,
    ///   `SandboxOptionsError` for
    ///   a merchant balance that is negative or has more than two decimals.
    public init(options: SandboxOptions) throws {
        guard let balance = Cents(decimal: options.merchantBalance) else {
            throw SandboxOptionsError("merchant balance must be zero or more with at most two decimals")
        }
        let stateFile = options.stateFile.map(StateFile.init(path:))
        let now = Date()
        var state: SandboxState
        var lastEntry = 0
        if let saved = try stateFile?.load(rules: options.rules) {
            (state, lastEntry) = saved
        } else {
            state = SandboxState(
                inventorySize: options.inventorySize ?? max(options.cards, 100), merchantBalance: balance,
                rules: options.rules)
            state.seed(cards: options.cards, now: now)
            state.seedPurchases(
                perCard: options.purchases, seed: options.faults.seed, platformNow: options.rules.clock.now(real: now),
                realNow: now)
        }
        state.advance(to: now)
        let counts = FaultCounts()
        let engine: SandboxEngine
        if let stateFile {
            try stateFile.save(state, lastEntry: lastEntry)
            let log = try OperationLog(file: stateFile, fresh: true)
            engine = SandboxEngine(state: state, counts: counts, log: log, lastEntry: lastEntry)
            persister = StatePersister(file: stateFile, engine: engine, log: log)
        } else {
            engine = SandboxEngine(state: state, counts: counts)
            persister = nil
        }
        let faults = FaultInjector(options: options.faults)
        let traffic = HTTPTraffic()
        let service = SandboxService(
            engine: engine, faults: faults, counts: counts,
            control: SandboxControl(options: options, faults: faults, engine: engine),
            codec: EnvelopeCodec(
                profile: options.profile, ownPrivateKey: options.platformKey,
                peerPublicKey: options.merchantPublicKey),
            sysId: options.sysId, stop: stopFlag, traffic: traffic)
        self.service = service
        server = HTTPServer(
            port: options.port, limits: options.limits, clock: { engine.platformNow(real: Date()) }, tls: options.tls,
            traffic: traffic
        ) {
            await service.handle($0)
        }
    }

    /// Starts listening; returns the port.
    /// - Throws: `HTTPServerError` when the port cannot be bound.
    public func start() throws -> UInt16 {
        let port = try server.start()
        persister?.start()
        return port
    }

    /// Stops serving, ends injected waits, and writes the state file. Idempotent.
    /// While running, every change is in the operation log (FILE.log) before its request is
    /// answered, and the log is folded into the state file from time to time.
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
