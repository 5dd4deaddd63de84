// SandboxControl: `POST /_sandbox/control` — changes the running sandbox's settings (faults,
// delays, clock, paging, dedupe) from a JSON object keyed by the flag names without dashes,
// and answers the full settings. All or nothing: one bad key or value changes nothing.

import Foundation
import KazeProtocol
import KazeSync

/// The current runtime settings and the way to change them.
final class SandboxControl: Sendable {
    private let options: Locked<SandboxOptions>
    private let faults: FaultInjector
    private let engine: SandboxEngine

    init(options: SandboxOptions, faults: FaultInjector, engine: SandboxEngine) {
        self.options = Locked(options)
        self.faults = faults
        self.engine = engine
    }

    /// The current settings, as `SandboxOptions.settingsJSON`.
    var settingsJSON: JSONValue { options.withLock { $0.settingsJSON } }

    /// Applies the settings in `body`; 200 with the full settings, or 400 with
    /// `{"error": ...}` naming the first unknown key or bad value.
    func apply(_ body: [UInt8]) -> HTTPResponse {
        guard let object = (try? JSONValue.parse(body))?.objectValue else {
            return Self.refusal("the body must be a JSON object such as {\"drop-after-commit\": 0.5}")
        }
        return options.withLock { options in
            var updated = options
            for (key, value) in object.members {
                let text: String
                switch value {
                case .number(let number): text = number
                case .string(let string): text = string
                case .null where key == "rate-limit": text = "off"
                default: return Self.refusal("\(key) must be a JSON number or string")
                }
                guard SandboxOptions.runtimeSettings.contains(key) else {
                    return Self.refusal("\(key) is not a setting that can be changed at run time")
                }
                do {
                    try updated.set(key, to: text)
                } catch {
                    return Self.refusal("\(error)")
                }
            }
            options = updated
            faults.update(updated.faults, reseed: object["seed"] != nil, refill: object["rate-limit"] != nil)
            engine.update(rules: updated.rules)
            return .json(bytes: updated.settingsJSON.compactBytes)
        }
    }

    private static func refusal(_ message: String) -> HTTPResponse {
        .json(status: 400, bytes: JSONValue.object(JSONObject([("error", .string(message))])).compactBytes)
    }
}
