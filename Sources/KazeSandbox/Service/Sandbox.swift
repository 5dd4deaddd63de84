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
        let kycDelay = Double(options.kycDelayMs) / 1000, pendingDelay = Double(options.pendingMs) / 1000
        let stateFile = options.stateFile.map(StateFile.init(path:))
        var state: SandboxState
        if let saved = try stateFile?.load(kycDelay: kycDelay, pendingDelay: pendingDelay) {
            state = saved
        } else {
            state = SandboxState(
                inventorySize: options.inventorySize ?? max(options.cards, 100), merchantBalance: balance,
                kycDelay: kycDelay, pendingDelay: pendingDelay)
            state.seed(cards: options.cards, now: Date())
        }
        let engine = SandboxEngine(state: state, dedupe: options.dedupe)
        self.engine = engine
        persister = stateFile.map { StatePersister(file: $0, engine: engine) }
        let service = SandboxService(
            engine: engine, faults: FaultInjector(options: options.faults),
            codec: EnvelopeCodec(profile: options.profile, ownPrivateKey: options.platformKey,
                                 peerPublicKey: options.merchantPublicKey),
            sysId: options.sysId, stop: stopFlag, timeoutHangMs: options.faults.timeoutHangMs)
        server = HTTPServer(port: options.port, limits: options.limits, tls: options.tls) { await service.handle($0) }
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

    /// The state as `GET /_sandbox/state` returns it.
    public func stateJSON() -> JSONValue { engine.snapshot(now: Date()) }

    /// The last error writing the state file, if the latest write failed.
    public var persistenceError: SandboxStateError? { persister?.persistenceError }
}
