// StateDecoder: reads a `--state` file back into SandboxState, naming the exact member that
// is wrong when the file was damaged or hand-edited.

import Foundation
import KazeProtocol

/// Why a state file could not be loaded.
public struct SandboxStateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The member path and problem, e.g. `cards[2].status: unknown value "X"`.
    public let problem: String

    public var description: String { "state file \(path): \(problem)" }
}

/// Decodes the JSON written by `SandboxState.json`.
struct StateDecoder {
    let path: String

    func fail(_ where_: String, _ problem: String) -> SandboxStateError {
        SandboxStateError(path: path, problem: "\(where_): \(problem)")
    }

    func object(_ value: JSONValue?, _ at: String) throws -> JSONObject {
        guard let object = value?.objectValue else { throw fail(at, "expected an object") }
        return object
    }

    func string(_ object: JSONObject, _ key: String, _ at: String) throws -> String {
        guard let text = object[key]?.stringValue else { throw fail("\(at).\(key)", "expected a string") }
        return text
    }

    func int(_ object: JSONObject, _ key: String, _ at: String) throws -> Int {
        guard let text = object[key]?.numberText, let number = Int(text) else {
            throw fail("\(at).\(key)", "expected a whole number")
        }
        return number
    }

    func cents(_ object: JSONObject, _ key: String, _ at: String) throws -> Cents {
        guard let cents = Cents(text: try string(object, key, at)) else { throw fail("\(at).\(key)", "expected an amount") }
        return cents
    }

    func date(_ object: JSONObject, _ key: String, _ at: String) throws -> Date? {
        switch object[key] {
        case nil, .null?: return nil
        case .number(let text)?:
            guard let millis = Int64(text) else { throw fail("\(at).\(key)", "expected milliseconds") }
            return Date(timeIntervalSince1970: Double(millis) / 1000)
        default: throw fail("\(at).\(key)", "expected milliseconds or null")
        }
    }

    func enumeration<E: RawRepresentable>(_ object: JSONObject, _ key: String, _ at: String) throws -> E
    where E.RawValue == String {
        let text = try string(object, key, at)
        guard let value = E(rawValue: text) else { throw fail("\(at).\(key)", "unknown value \"\(text)\"") }
        return value
    }

    func array(_ object: JSONObject, _ key: String) throws -> [JSONValue] {
        guard let items = object[key]?.arrayValue else { throw fail(key, "expected an array") }
        return items
    }
}
