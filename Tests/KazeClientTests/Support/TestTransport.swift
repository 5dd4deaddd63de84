// TestTransport: an HTTPTransport to a loopback test server, built from a configuration the way
// the client builds it, and the answer body as text.

import Foundation
import XCTest

@testable import KazeClient

/// A transport to `SCHEME://host:port/api` with the given settings (key paths are never read).
func testTransport(
    port: UInt16, host: String = "127.0.0.1", scheme: String = "http", timeout: Double = 5,
    maxResponseBytes: Int = Configuration.defaultMaxResponseBytes, keepAliveIdle: Double = 2, concurrency: Int = 4,
    caFile: String? = nil, pinnedKeys: [String] = []
) throws -> HTTPTransport {
    let name = host.contains(":") ? "[\(host)]" : host
    let configuration = Configuration(
        endpoint: try XCTUnwrap(URL(string: "\(scheme)://\(name):\(port)/api")), sysId: "S1", merchantKeyPath: "/unused",
        platformPublicKeyPath: "/unused", concurrency: concurrency, timeoutSeconds: timeout,
        keepAliveIdleSeconds: keepAliveIdle, maxResponseBytes: maxResponseBytes, caFilePath: caFile, pinnedKeys: pinnedKeys)
    return HTTPTransport(settings: TransportSettings(configuration), opener: try ConnectionOpener(configuration))
}

extension TransportResult {
    /// The status and body text of an answer; `nil` otherwise.
    var answerText: (status: Int, body: String)? {
        guard case .answered(let status, let body, _, _) = self else { return nil }
        return (status, String(decoding: body, as: UTF8.self))
    }

    /// A short description for failure messages (the body as its length).
    var summary: String {
        switch self {
        case .answered(let status, let body, _, _): "answered \(status) with \(body.count) bytes"
        case .notSent(let reason): "not sent: \(reason)"
        case .unknown(let reason): "unknown: \(reason)"
        }
    }

    /// The reason of an in-doubt result; `nil` otherwise.
    var unknownReason: String? {
        guard case .unknown(let reason) = self else { return nil }
        return reason
    }
}
