// CallCommand: `kazebatch call <apiCode> key=value ...` — one ad-hoc API call, checked offline
// by the batch rules first. Reads are sent at once; a state-changing call runs as a one-row
// batch (journal, audit, reconciliation). Prints the decrypted response JSON (card numbers
// masked, secrets removed).

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol

enum CallCommand: Command {
    static let help = """
        usage: kazebatch call <apiCode|op> field=value ... [options]

        Checks the fields offline with the same rules as `validate` (nothing is sent when one is
        wrong), sends one request and prints the decrypted response JSON on stdout (cardNo
        masked, cardCvv removed). The fields are the columns of the operation's batch file (KYC
        images as frontImgPath=FILE ...); ref=TEXT names the call. A state-changing call runs as
        a one-row batch: journaled and audited in <state-dir>/calls/<call id>/, reconciled at once
        when in doubt; the same command again resumes it and never sends it twice (a new ref
        sends it anew). cardRecharge and closeCard need --yes.

        options:
          --yes                 send a money-moving call (cardRecharge, closeCard) (default: refused)
          --state-dir DIR       where state-changing calls are journaled (default .kazebatch, under calls/)
        \(ConfigOptions.help)

        exit status: 0 success; 1 business FAILED, platform error, or not sent; 2 usage, configuration
        or invalid field, nothing sent; 5 outcome unknown after reconciling (repeat the command later);
        7 the journal could not be written.

        apiCodes: \(APIOperation.allCases.map(\.apiCode).joined(separator: ", "))

        examples:
          kazebatch call queryCard cardID=SB000001
          kazebatch call cardRecharge cardID=SB000001 amount=10.50 currency=USD --yes
          kazebatch call updCardStatus cardID=SB000001 status=INACTIVE ref=ticket-4711
        """

    static let valued = ConfigOptions.valued.union(["state-dir"])
    static let boolean = ConfigOptions.boolean.union(["yes"])

    static func run(_ words: [String]) async throws -> ExitCode {
        let args = try Arguments(words, valued: valued, boolean: boolean)
        guard let name = args.positionals.first else { throw CLIError("missing apiCode\n\n\(help)") }
        guard let operation = APIOperation(name: name) else {
            let names = APIOperation.allCases.flatMap { [$0.apiCode, $0.batchName] }
            throw CLIError(
                "unknown apiCode \"\(name)\"\(Suggestion.hint(for: name, among: names)); one of: "
                    + APIOperation.allCases.map(\.apiCode).joined(separator: ", "))
        }
        let record = try checkedRecord(operation, pairs: Array(args.positionals.dropFirst()))
        if let refusal = moneyRefusal(record), !args.flag("yes") { throw CLIError(refusal) }
        let configuration = try ConfigOptions.configuration(from: args)
        let client: KazePayClient
        do { client = try KazePayClient(configuration: configuration) } catch let error as ConfigurationError {
            throw CLIError(error.description)
        }
        guard operation.isReadOnly else {
            return try await runAsBatch(
                record, client: client, arguments: args, configuration: configuration,
                command: (["kazebatch", "call"] + words).map(shellQuoted).joined(separator: " "))
        }
        guard case .valid(let valid) = record.outcome else { return .validation }
        let body: JSONObject
        do { body = try await valid.requestBody(maxImageBytes: ValidationOptions().maxImageBytes) } catch {
            throw CLIError(error.description)
        }
        let requestNo = RequestNumber.make()
        return report(await client.call(operation, body: body, requestNo: requestNo), operation: operation, requestNo: requestNo)
    }

    /// Prints `outcome` (body on stdout, problems on stderr) and returns the exit code.
    static func report(_ outcome: CallResult, operation: APIOperation, requestNo: String) -> ExitCode {
        let reference = "\(operation.apiCode) requestNo \(requestNo)"
        switch outcome {
        case .success(let body):
            Console.json(masked(.object(body)).compactText)
            return .success
        case .businessFailure(let body):
            Console.json(masked(.object(body)).compactText)
            Console.error("\(reference): encrypt FAILED")
            return .someFailed
        case .platformError(let code, let detail, let retryAfter):
            let wait = retryAfter.map { " (retry after \($0) s)" } ?? ""
            Console.error(
                "\(reference): platform error \(SafeText.shown(code.rawValue, limit: 40)):"
                    + " \(SafeText.shown(Masking.cardNumbers(inText: detail)))\(wait)")
            return .someFailed
        case .httpError(let status, let retryAfter):
            guard outcome.isTransient || operation.isReadOnly else {
                Console.error(
                    "\(reference): outcome unknown (HTTP \(status) without a platform answer: a gateway error can"
                        + " follow a commit); check with a query before sending again")
                return .unknownRemain
            }
            Console.error("\(reference): HTTP \(status)\(retryAfter.map { " (retry after \($0) s)" } ?? "")")
            return .someFailed
        case .protocolError(let reason):
            Console.error("\(reference): untrusted response, the platform may have processed it: \(SafeText.shown(reason))")
            return operation.isReadOnly ? .someFailed : .unknownRemain
        case .notSent(let reason):
            Console.error("\(reference): not sent: \(SafeText.shown(reason))")
            return .someFailed
        case .unknown(let reason):
            Console.error("\(reference): outcome unknown (\(SafeText.shown(reason))); check with a query before sending again")
            return .unknownRemain
        }
    }

    /// `word` as a shell would need it to be typed again.
    static func shellQuoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_=.,:/@+%".contains($0)) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
