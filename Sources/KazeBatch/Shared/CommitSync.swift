// CommitSync: the fsync after each group commit of the journal and the audit log. A hidden,
// benchmark-only switch (KAZEBATCH_BENCH_NO_FSYNC=1, documented in bench/ only) leaves it out,
// so that bench/durability.sh can measure what durability costs; no other path reads it.

import Foundation

/// The fsync of a group commit.
enum CommitSync {
    /// True when the benchmark switch turned commit fsyncs off for this process.
    private static let skipped = ProcessInfo.processInfo.environment["KAZEBATCH_BENCH_NO_FSYNC"] == "1"

    /// fsyncs `fd` (unless the benchmark switch is on); false with `errno` set when it fails.
    static func sync(_ fd: Int32) -> Bool { skipped || fsync(fd) == 0 }
}
