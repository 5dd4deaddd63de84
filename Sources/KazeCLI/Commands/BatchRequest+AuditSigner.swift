// BatchRequest+AuditSigner: the signer of a batch's audit checkpoints — the merchant private
// key the configuration names (the key that signs the batch's requests).

import KazeBatch
import KazeClient

extension BatchRequest {
    /// The audit signer with the configured merchant key.
    /// - Throws: `CLIError` (exit 2) naming the key file when it cannot be read.
    func auditSigner() throws -> AuditSigner {
        do { return AuditSigner(key: try KeyFile.privateKey(at: configuration.merchantKeyPath)) } catch let error as ConfigurationError {
            throw CLIError("configuration: \(error)")
        }
    }
}
