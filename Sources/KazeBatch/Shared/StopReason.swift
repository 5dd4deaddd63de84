// StopReason: why a run stopped starting rows before the end of its input — an operator's
// signal, or the input file changing under it. Either way the rows in flight finished, the
// results and summary were written, and running the same command again resumes.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a run was stopped early from outside.
public enum StopReason: Sendable, Equatable, CustomStringConvertible {
    /// SIGINT or SIGTERM (the number).
    case signal(Int32)
    /// The input file was edited, replaced or appended to while the batch was running.
    case inputChanged

    /// The verdict of a run stopped for this reason.
    public var verdict: RunVerdict {
        switch self {
        case .signal(let number): return .stopped(signal: number)
        case .inputChanged: return .inputChanged
        }
    }

    /// `stopped by SIGINT`, `the input file changed while the batch was running`.
    public var description: String {
        switch self {
        case .signal(let number): return "stopped by \(Self.name(of: number))"
        case .inputChanged: return "the input file changed while the batch was running"
        }
    }

    /// The signal's name for an operator (`SIGINT`, `SIGTERM`, else `signal N`).
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}
