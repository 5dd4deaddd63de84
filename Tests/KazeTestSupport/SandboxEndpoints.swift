// SandboxEndpoints: the sandbox's own loopback endpoints over HTTP — `GET /_sandbox/state` and
// `POST /_sandbox/control` — for tests that check what was injected or change settings at run time.

import Foundation
import KazeProtocol

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Calls to a sandbox's `/_sandbox/...` endpoints on 127.0.0.1.
public struct SandboxEndpoints: Sendable {
    /// The sandbox's port.
    public let port: UInt16

    /// Endpoints of the sandbox on `port`.
    public init(port: UInt16) { self.port = port }

    /// `GET /_sandbox/state` (users, cards, transactions, `faults`, `settings`).
    public func state() async throws -> JSONObject {
        try await send("GET", "/_sandbox/state", body: nil).json.objectValue ?? JSONObject()
    }

    /// How many faults of `kind` (`"late-commit"`, ...) the sandbox reports having injected.
    public func faultCount(_ kind: String) async throws -> Int {
        Int(try await state()["faults"]?.objectValue?[kind]?.numberText ?? "") ?? -1
    }

    /// `POST /_sandbox/control` with `settings` as the JSON body: the status and the answer.
    @discardableResult
    public func control(_ settings: String) async throws -> (status: Int, json: JSONValue) {
        try await send("POST", "/_sandbox/control", body: settings)
    }

    private func send(_ method: String, _ path: String, body: String?) async throws -> (status: Int, json: JSONValue) {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw TestSupportError.badURL(path) }
        var request = URLRequest(url: url, timeoutInterval: 20)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try JSONValue.parse(Array(data)))
    }
}
