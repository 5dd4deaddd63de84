// KazePayClient: the real CardAPI — seals a business body as kazepay-v1, POSTs it to the
// configured endpoint and classifies the answer.

import Foundation
import KazeCrypto
import KazeProtocol

/// The HTTP client for KazePay's Physical Card API.
///
/// ```swift
/// let client = try KazePayClient(configuration: try Configuration.load(configPath: nil, environment: env, flags: [:]))
/// let outcome = await client.send(BalanceRequest(cardID: "SB000001"), requestNo: RequestNumber.make())
/// ```
public struct KazePayClient: CardAPI {
    /// The validated configuration in use.
    public let configuration: Configuration
    private let codec: EnvelopeCodec
    private let transport: HTTPTransport
    /// The platform's clock, measured from every answer's `Date` header.
    public let platformClock: PlatformClock? = PlatformClock()

    /// Validates `configuration` and loads both keys.
    /// - Throws: `ConfigurationError` (live guard, key permissions, unreadable or invalid keys, an
    ///   unusable caFile).
    public init(configuration: Configuration) throws {
        let checked = try configuration.validated()
        codec = EnvelopeCodec(
            profile: checked.profile,
            ownPrivateKey: try KeyFile.privateKey(at: checked.merchantKeyPath),
            peerPublicKey: try KeyFile.publicKey(at: checked.platformPublicKeyPath))
        transport = HTTPTransport(settings: TransportSettings(checked), opener: try ConnectionOpener(checked))
        self.configuration = checked
    }

    /// Seals `body` (compact JSON, exactly as given) as `operation` with `requestNo`, POSTs it
    /// and classifies the answer. Never throws.
    public func call(_ operation: APIOperation, body: JSONObject, requestNo: String) async -> CallResult {
        guard RequestNumber.isValid(requestNo) else {
            return .notSent(reason: "requestNo \"\(requestNo)\" is not 1-32 letters or digits")
        }
        let message: [UInt8]
        do {
            message = try wireBytes(operation, body: body, requestNo: requestNo)
        } catch {
            return .notSent(reason: "cannot seal the request: \(error)")
        }
        let sent = Date()
        switch await transport.post(message) {
        case .answered(let status, let bytes, let retryAfter, let serverDate):
            if let serverDate { platformClock?.observe(sent: sent, received: Date(), serverDate: serverDate) }
            let classifier = ResponseClassifier(codec: codec, operation: operation, requestNo: requestNo)
            return classifier.classify(status: status, body: bytes, retryAfter: retryAfter)
        case .notSent(let reason):
            return .notSent(reason: reason)
        case .unknown(let reason):
            return .unknown(reason: reason)
        }
    }

    /// The sealed request as wire bytes. The plain JSON, ciphertext and envelope text (several
    /// megabytes each for KYC images) are freed on return, before the request is sent.
    private func wireBytes(_ operation: APIOperation, body: JSONObject, requestNo: String) throws -> [UInt8] {
        let sealed = try codec.seal(JSONValue.object(body).compactBytes)
        let head = WireHead(apiCode: operation.apiCode, sysId: configuration.sysId, requestNo: requestNo)
        return WireMessage(head: head, sealed: sealed).jsonBytes
    }
}
