// OutputClaim: picks the results and errors paths of a batch so that it never replaces a file
// another batch of the state dir wrote last — the default path gains the batch's short id,
// an explicit path is refused.

import Foundation
import KazeBatch
import KazeProtocol

/// The output paths one batch may write.
struct OutputClaim {
    /// The other batches' files.
    let owners: OutputOwners
    /// The batch writing.
    let batchID: String
    let operation: APIOperation
    /// The input file, as the user named it.
    let input: String

    /// The short batch id the default names gain (`recharge.1a2b3c4d.results.csv`).
    var shortID: String { String(batchID.prefix(8)) }

    /// The path to write: `explicit` when no other batch owns it; without one the default
    /// `<stem>.<suffix>`, or `<stem>.<short id>.<suffix>` when another batch owns that.
    /// - Parameters:
    ///   - option: the flag (`--results`), for the refusal message.
    ///   - explicit: the flag's value, if given.
    ///   - stem: the input path without its extension.
    ///   - suffix: the default name's ending (`results.csv`).
    /// - Throws: `CLIError` (exit 2) when `explicit` holds another batch's outputs.
    func path(option: String, explicit: String?, stem: URL, suffix: String) throws -> String {
        if let explicit {
            if let owner = otherOwner(of: explicit) {
                throw CLIError(
                    "\(option) \(explicit) holds the outputs of another batch (\(describe(owner))) and is never"
                        + " replaced by this one: choose another path, or move that file away first")
            }
            return explicit
        }
        let standard = stem.appendingPathExtension(suffix).path
        guard otherOwner(of: standard) != nil else { return standard }
        return stem.appendingPathExtension(shortID + "." + suffix).path
    }

    private func otherOwner(of path: String) -> OutputOwners.Owner? {
        owners.otherOwner(of: path, batchID: batchID, operation: operation, input: input)
    }

    private func describe(_ owner: OutputOwners.Owner) -> String {
        let what = owner.info.map {
            "\(APIOperation(name: $0.operation)?.batchName ?? $0.operation) of \($0.input), started \($0.createdMinute)"
        }
        return "batch \(owner.batchID.prefix(8))" + (what.map { ": " + $0 } ?? "")
    }
}
