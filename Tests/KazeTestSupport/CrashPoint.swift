// CrashPoint: the environment that arms kazebatch's test-only crash point, so a child run
// SIGKILLs itself right after a chosen journal entry (docs/RELIABILITY.md, "Reproducible crash
// points").

/// The test hook's environment variables.
public enum CrashPoint {
    /// The environment for a child `kazebatch` that kills itself once `entries` entries of its
    /// journal are durable (before their audit rows, before the rows act on them).
    public static func afterJournalEntries(_ entries: Int) -> [String: String] {
        ["KAZEBATCH_TEST_HOOKS": "1", "KAZEBATCH_TEST_KILL_AFTER_JOURNAL_ENTRIES": String(entries)]
    }
}
