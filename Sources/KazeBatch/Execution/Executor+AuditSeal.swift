// Executor+AuditSeal: the end of a run's audit — a signed checkpoint over every row not yet
// covered by one, and the state dir's record of the file's head.

extension Executor {
    /// Signs the audit file's unsigned rows with a checkpoint (unless the audit file already
    /// failed in this run: its missing rows come first, next time) and records its head and
    /// checkpoint in `stateDir`. A failure stops the run like any audit write failure.
    func seal(_ audit: AuditLog, stateDir: String) {
        do {
            if journal.auditFailure == nil { try audit.checkpoint() }
            try AuditHeadRecord(audit: audit).save(stateDir: stateDir)
        } catch {
            stop(because: error)
        }
    }
}
