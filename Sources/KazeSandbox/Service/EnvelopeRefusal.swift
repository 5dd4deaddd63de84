// EnvelopeRefusal: an envelope refused before any operation runs (unknown sysId, bad
// signature, unknown apiCode...), carrying the error the platform answers.
/// An envelope refused before any operation runs, with the error to answer.
struct EnvelopeRefusal: Error, Sendable {
    let result: OperationResult
    init(_ result: OperationResult) { self.result = result }
}
