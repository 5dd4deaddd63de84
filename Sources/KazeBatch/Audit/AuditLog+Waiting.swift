// AuditLog+Waiting: checkpoints for a run that goes quiet — every `checkpointInterval` the
// rows written since the last checkpoint are signed, even when no new event comes to do it.

extension AuditLog {
    /// Until the task is cancelled, adds a checkpoint whenever one is due by time. A failed
    /// checkpoint is left for the next write or the run's final checkpoint, which report it.
    func checkpointWhileWaiting() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: .seconds(AuditLog.checkpointInterval)) } catch { return }
            try? checkpointIfDue()
        }
    }
}
