// SandboxChild+State: the state of a `kazebatch sandbox` child process, read over HTTP.

import Foundation
import KazeProtocol
import KazeTestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension SandboxChild {
    /// `GET /_sandbox/state`.
    func state() async throws -> JSONValue {
        guard let stateURL = URL(string: "http://127.0.0.1:\(port)/_sandbox/state") else { return .null }
        let (data, _) = try await URLSession.shared.data(from: stateURL)
        return try JSONValue.parse(Array(data))
    }
}
