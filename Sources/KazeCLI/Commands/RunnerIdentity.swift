// RunnerIdentity: who ran a command and on which machine, for the run report.

import Foundation

/// The user and host of this process.
enum RunnerIdentity {
    /// The login name of the effective user (from the password database, else `$USER`, else the uid).
    static var user: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }

    /// This machine's host name.
    static var host: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(cString: buffer)
    }
}
