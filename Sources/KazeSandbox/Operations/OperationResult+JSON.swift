// OperationResult+JSON: a result as the requestNo memory saves it, and back.

import KazeProtocol

extension OperationResult {
    /// `{"kind":"success"|"failed","body":{...}}` or `{"kind":"error","code":...,"detail":...}`.
    var json: JSONObject {
        switch self {
        case .success(let body): JSONObject([("kind", .string("success")), ("body", .object(body))])
        case .businessFailure(let body): JSONObject([("kind", .string("failed")), ("body", .object(body))])
        case .error(let code, let detail):
            JSONObject([("kind", .string("error")), ("code", .string(code.rawValue)), ("detail", .string(detail))])
        }
    }

    /// The result `json` wrote; `nil` when `object` is not one.
    init?(json object: JSONObject) {
        switch object["kind"]?.stringValue {
        case "success":
            guard let body = object["body"]?.objectValue else { return nil }
            self = .success(body)
        case "failed":
            guard let body = object["body"]?.objectValue else { return nil }
            self = .businessFailure(body)
        case "error":
            guard let code = object["code"]?.stringValue.flatMap(PlatformCode.init(rawValue:)),
                let detail = object["detail"]?.stringValue
            else { return nil }
            self = .error(code, detail)
        default: return nil
        }
    }
}
