// FuzzEnvelope: libFuzzer entry point for the envelope opener. The input is a wire document
// (`{"head":...,"body":{"encrypt":...}}`); it is read as the sandbox reads a request and as
// the client reads a response, and opened with the committed test keys: hex `sign` and
// `keyEnc`, base64 `encrypt`, RSA key unwrapping, AES decryption, signature check, and the
// decrypted JSON. The same bytes also go straight to hex, base64, AES (every mode and key
// size) and RSA decryption, so those are fuzzed without first forming a valid envelope.

import FuzzSupport
import KazeCrypto
import KazeProtocol

private let merchant = TestKeyFiles.privateKey("merchant.pem")
private let platform = TestKeyFiles.privateKey("platform.pem")

/// The sandbox's view (opens requests) and the client's view (opens responses), per profile.
private let codecs: [EnvelopeCodec] = [CryptoProfile.kazepayV1, CryptoProfile(aesKeyBits: .bits256, aesMode: .cbcZeroIV)]
    .flatMap { profile in
        [
            EnvelopeCodec(profile: profile, ownPrivateKey: platform, peerPublicKey: TestKeyFiles.publicKey("merchant.pub")),
            EnvelopeCodec(profile: profile, ownPrivateKey: merchant, peerPublicKey: TestKeyFiles.publicKey("platform.pub")),
        ]
    }

private let aesKeys: [[UInt8]] = [Array(repeating: 0x11, count: 16), Array(repeating: 0x22, count: 32)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEnvelope(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    if let message = try? WireMessage(jsonBytes: bytes), let sealed = message.sealed {
        for codec in codecs {
            guard let plain = try? codec.open(sealed) else { continue }
            _ = try? JSONValue.parse(plain)
        }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if let decoded = Hex.decode(text) {
        FuzzOracle.require(Hex.decode(Hex.encode(decoded)) == decoded, "hex round trip")
    }
    if let decoded = Base64.decode(text) {
        FuzzOracle.require(Base64.decode(Base64.encode(decoded)) == decoded, "base64 round trip")
    }
    for key in aesKeys {
        for mode in AESMode.allCases {
            guard let plain = try? AESCipher.decrypt(bytes, key: key, mode: mode) else { continue }
            FuzzOracle.require(
                (try? AESCipher.encrypt(plain, key: key, mode: mode)) == bytes, "AES decrypt then encrypt changed the bytes")
        }
    }
    _ = try? merchant.decrypt(bytes)
    return 0
}

/// The executable's entry point: libFuzzer with `fuzzEnvelope`.
@_cdecl("FuzzEnvelope_main")
public func fuzzEnvelopeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzEnvelope)
}
