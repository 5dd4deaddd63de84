// OperationResult: what one business operation produced — a SUCCESS or FAILED body, or a
// platform error code with its detail.

import KazeProtocol

/// The result of one operation before it is sealed.
enum OperationResult: Sendable, Equatable {
    /// head.code SUCCESS, body `encrypt` SUCCESS, plus these fields.
    case success(JSONObject)
    /// head.code SUCCESS, body `encrypt` FAILED, plus these fields.
    case businessFailure(JSONObject)
    /// head.code is this error code; no body.
    case error(PlatformCode, String)

    /// The business body to seal, with `encrypt` first; `nil` for errors.
    var body: JSONObject? {
        switch self {
        case .success(let fields): JSONObject([("encrypt", .string("SUCCESS"))] + fields.members.map { ($0.key, $0.value) })
        case .businessFailure(let fields): JSONObject([("encrypt", .string("FAILED"))] + fields.members.map { ($0.key, $0.value) })
        case .error: nil
        }
    }

    /// The head code and detail.
    var code: (PlatformCode, String) {
        switch self {
        case .success: (.success, "success")
        case .businessFailure: (.success, "processed; the operation failed")
        case .error(let code, let detail): (code, detail)
        }
    }
}

/// A platform error raised inside an operation handler.
struct SandboxFailure: Error, Sendable, Equatable {
    let code: PlatformCode
    let detail: String

    static func param(_ field: String, _ problem: String) -> SandboxFailure {
        SandboxFailure(code: .paramError, detail: "\(field): \(problem)")
    }
    static func notFound(_ detail: String) -> SandboxFailure { SandboxFailure(code: .notFound, detail: detail) }
    static func state(_ detail: String) -> SandboxFailure { SandboxFailure(code: .stateError, detail: detail) }
}

extension OperationResult {
    /// True when the operation was carried out (SUCCESS); a business failure or an error changes nothing.
    var isCommitted: Bool {
        if case .success = self { return true }
        return false
    }
}
