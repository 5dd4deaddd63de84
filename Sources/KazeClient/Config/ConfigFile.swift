// ConfigFile: reads the JSON config file into raw settings. Unknown keys are errors, so a
// typo never silently falls back to a default.

import Foundation
import KazeProtocol

/// The JSON config file layer.
enum ConfigFile {
    /// The settings in the file at `path`, or `nil` when it does not exist and is not `required`.
    /// - Throws: `ConfigurationError` naming the file and the problem.
    static func read(path: String, required: Bool) throws -> [ConfigKey: ConfigValue]? {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if required { throw ConfigurationError.fileMissing(path: path) }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError.fileUnreadable(path: path, reason: "permission denied or not a regular file")
        }
        let root: JSONValue
        do {
            root = try JSONValue.parse([UInt8](data))
        } catch {
            throw ConfigurationError.fileInvalid(path: path, reason: "\(error)")
        }
        guard let object = root.objectValue else {
            throw ConfigurationError.fileInvalid(path: path, reason: "expected a JSON object of settings")
        }
        let folder = url.deletingLastPathComponent().path
        var values: [ConfigKey: ConfigValue] = [:]
        for (name, value) in object.members {
            guard let key = ConfigKey(rawValue: name) else {
                let known = ConfigKey.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError.fileInvalid(path: path, reason: "unknown setting \"\(name)\" (known: \(known))")
            }
            guard let text = value.scalarText else {
                throw ConfigurationError.fileInvalid(path: path, reason: "setting \"\(name)\" must be a string, number or boolean")
            }
            values[key] = ConfigValue(text: text, origin: "\(path): \(name)", baseDirectory: folder)
        }
        return values
    }
}
