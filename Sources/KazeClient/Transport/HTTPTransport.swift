// HTTPTransport: POSTs one JSON document over URLSession (FoundationNetworking on Linux) with
// a timeout, no caching and no cookies, and reports what happened.

import Foundation
import KazeProtocol
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A URLSession-based POST to the configured endpoint.
///
/// Every request gets its own ephemeral session, hence its own connection, and asks the server
/// to close it (`Connection: close`). Under URLSession on Linux, libcurl silently re-sends a
/// request on a fresh connection when a reused connection dies before any answer byte — so a
/// POST the platform already acted on (a recharge) could be sent twice. Without reuse it cannot.
struct HTTPTransport: Sendable {
    let endpoint: URL
    let timeoutSeconds: Double

    /// A transport to `endpoint` that waits at most `timeoutSeconds` for the answer to start
    /// (and at most twice that in all).
    init(endpoint: URL, timeoutSeconds: Double) {
        self.endpoint = endpoint
        self.timeoutSeconds = timeoutSeconds
    }

    /// POSTs `body` as `application/json` and waits for the whole answer.
    func post(_ body: [UInt8]) async -> TransportResult {
        var request = URLRequest(url: endpoint, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: sessionTimeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("close", forHTTPHeaderField: "Connection")
        let session = makeSession()
        defer { session.finishTasksAndInvalidate() }
        // FoundationNetworking on Linux does not enforce timeoutIntervalForResource: a server that
        // keeps trickling bytes would hold the request forever. This deadline enforces it.
        let limit = timeoutSeconds * 2
        let deadline = Task {
            try await Task.sleep(nanoseconds: UInt64(limit * 1_000_000_000))
            session.invalidateAndCancel()
        }
        defer { deadline.cancel() }
        let started = ContinuousClock.now
        do {
            let (data, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else {
                return .unknown(reason: "the answer was not HTTP")
            }
            return .answered(
                status: http.statusCode, body: [UInt8](data),
                retryAfter: RetryAfter.seconds(http.value(forHTTPHeaderField: "Retry-After")),
                serverDate: HTTPDate.parse(http.value(forHTTPHeaderField: "Date")))
        } catch {
            if ContinuousClock.now - started >= .seconds(limit) {
                return .unknown(reason: "timed out: no complete answer within \(limit) s")
            }
            return TransportFailure.classify(error)
        }
    }

    /// The timeout handed to URLSession. FoundationNetworking on Linux fails a request at once
    /// (URLError -1001) when it is under one second, so a shorter `timeoutSeconds` is enforced by
    /// the deadline in `post` alone.
    private var sessionTimeout: Double { max(1, timeoutSeconds) }

    /// An ephemeral session: no cache, no cookies, no redirects, this transport's timeouts.
    private func makeSession() -> URLSession {
        let settings = URLSessionConfiguration.ephemeral
        settings.timeoutIntervalForRequest = sessionTimeout
        settings.timeoutIntervalForResource = sessionTimeout * 2
        settings.requestCachePolicy = .reloadIgnoringLocalCacheData
        settings.urlCache = nil
        settings.httpCookieStorage = nil
        settings.httpShouldSetCookies = false
        return URLSession(configuration: settings, delegate: RedirectRefusal(), delegateQueue: nil)
    }
}
