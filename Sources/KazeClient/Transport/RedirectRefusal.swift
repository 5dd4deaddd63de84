// RedirectRefusal: the session delegate that refuses HTTP redirects, so a request is only ever
// sent to the configured endpoint — a 3xx can neither carry it off this machine past the live
// guard nor make URLSession send the same request a second time.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Answers every redirect with "do not follow": the 3xx itself becomes the answer.
final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
