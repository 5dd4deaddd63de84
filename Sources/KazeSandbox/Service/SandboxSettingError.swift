// SandboxSettingError: a sandbox setting (flag or control key) with a value it cannot take.

/// A setting that was refused, naming it.
public struct SandboxSettingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The setting's name, as the flag without dashes (`utc-offset`).
    public let setting: String
    /// What is wrong, e.g. `must be +HH:MM from -12:00 to +14:00, got "+25:00"`.
    public let problem: String

    /// An error for `setting`.
    public init(_ setting: String, _ problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "\(setting) \(problem)" }
}
