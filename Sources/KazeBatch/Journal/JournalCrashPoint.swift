// JournalCrashPoint: a test-only crash point that makes every crash of the end-to-end tests
// reproducible. With KAZEBATCH_TEST_HOOKS=1 and KAZEBATCH_TEST_KILL_AFTER_JOURNAL_ENTRIES=N in
// its environment, the process SIGKILLs itself as soon as the Nth entry of a journal it opened
// is durable: after that entry's fsync, before the audit rows of its group are written and
// before any row learns its entry is on disk. Both variables are needed, so no ordinary
// environment reaches it by accident (docs/RELIABILITY.md, "Reproducible crash points").

import Foundation

/// Where the process kills itself, when the test hook is armed.
struct JournalCrashPoint: Equatable {
    /// Must be `1` for any test hook to be honoured.
    static let armingVariable = "KAZEBATCH_TEST_HOOKS"
    /// The number of journal entries after which the process kills itself.
    static let entriesVariable = "KAZEBATCH_TEST_KILL_AFTER_JOURNAL_ENTRIES"

    /// The process dies once this many entries of one journal are durable.
    let entries: Int

    /// The crash point `environment` arms, or nil (the normal case): both variables must be
    /// set, the first to `1`, the second to a whole number of at least 1.
    static func armed(in environment: [String: String] = ProcessInfo.processInfo.environment) -> JournalCrashPoint? {
        guard environment[armingVariable] == "1", let text = environment[entriesVariable],
            let entries = Int(text), entries >= 1
        else { return nil }
        return JournalCrashPoint(entries: entries)
    }

    /// How many of `count` queued entries may still be written when `written` already are:
    /// all of them, or only those up to the crash point.
    func writable(_ count: Int, after written: Int) -> Int { min(count, max(0, entries - written)) }

    /// Whether the crash point is reached once `written` entries are durable.
    func isReached(after written: Int) -> Bool { written >= entries }

    /// Kills the process the way a power cut or `kill -9` would: no cleanup, no flush.
    func crash() -> Never {
        kill(getpid(), SIGKILL)
        _exit(137)
    }
}
