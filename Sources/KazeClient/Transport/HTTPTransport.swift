// HTTPTransport: POSTs one JSON document over URLSession (FoundationNetworking on Linux) with
// a timeout, no caching and no cookies, and reports what happened.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A URLSession-based POST to the configured endpoint.
struct HTTPTransport: Sendable {
    let endpoint: URL
    let timeoutSeconds: Double
    private let session: URLSession

    /// A transport with its own ephemeral session allowing `maxConnections` per host.
    init(endpoint: URL, timeoutSeconds: Double, maxConnections: Int) {
        self.endpoint = endpoint
        self.timeoutSeconds = timeoutSeconds
        let settings = URLSessionConfiguration.ephemeral
        settings.timeoutIntervalForRequest = timeoutSeconds
        settings.timeoutIntervalForResource = timeoutSeconds * 2
        settings.requestCachePolicy = .reloadIgnoringLocalCacheData
        settings.urlCache = nil
        settings.httpCookieStorage = nil
        settings.httpShouldSetCookies = false
        settings.httpMaximumConnectionsPerHost = maxConnections
        session = URLSession(configuration: settings)
    }

    /// POSTs `body` as `application/json` and waits for the whole answer.
    func post(_ body: [UInt8]) async -> TransportResult {
        var request = URLRequest(url: endpoint, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeoutSeconds)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        // One connection per request: libcurl (under URLSession on Linux) re-sends a request on
        // a fresh connection when a reused keep-alive connection dies before any answer byte,
        // so a POST the platform already acted on could be sent twice.
        request.setValue("close", forHTTPHeaderField: "Connection")
        do {
            let (data, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else {
                return .unknown(reason: "the answer was not HTTP")
            }
            return .answered(
                status: http.statusCode, body: [UInt8](data),
                retryAfter: RetryAfter.seconds(http.value(forHTTPHeaderField: "Retry-After")))
        } catch {
            return TransportFailure.classify(error)
        }
    }
}
