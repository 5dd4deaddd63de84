// CallCommand: `kazebatch call <apiCode> key=value ...` — one ad-hoc API call that prints the
// decrypted response JSON (card numbers masked, secrets removed).

import Foundation
import KazeBatch
import KazeClient
import KazeProtocol

enum CallCommand: Command {
    static let help = """
        usage: kazebatch call <apiCode> key=value ... [options]

        Sends one request and prints the decrypted response JSON on stdout (cardNo masked,
        cardCvv removed). Values are JSON strings, except amount, pageSize and pageNum
        (numbers, written exactly as given) and autoActive (true or false).
        Exit status: 0 success; 1 business FAILED, platform error, or not sent; 2 usage or
        configuration error; 5 outcome unknown — for a state-changing apiCode anything after
        the request left that proves nothing (no answer, an HTTP error other than 429, an
        answer that cannot be trusted): check with a query before sending again.

        example: kazebatch call cardRecharge cardID=SB000001 amount=10.50 currency=USD

        apiCodes: \(APIOperation.allCases.map(\.apiCode).joined(separator: ", "))

        \(ConfigOptions.help)
        """

    static func run(_ words: [String]) async throws -> ExitCode {
        let args = try Arguments(words, valued: ConfigOptions.valued, boolean: ConfigOptions.boolean)
        guard let name = args.positionals.first else { throw CLIError("missing apiCode\n\n\(help)") }
        guard let operation = APIOperation(name: name) else {
            throw CLIError("unknown apiCode \"\(name)\"; one of: \(APIOperation.allCases.map(\.apiCode).joined(separator: ", "))")
        }
        let body = try self.body(for: operation, pairs: Array(args.positionals.dropFirst()))
        let client: KazePayClient
        do {
            client = try KazePayClient(configuration: try ConfigOptions.configuration(from: args))
        } catch let error as ConfigurationError {
            throw CLIError(error.description)
        }
        let requestNo = RequestNumber.make()
        return report(await client.call(operation, body: body, requestNo: requestNo), operation: operation, requestNo: requestNo)
    }

    /// Prints `outcome` (body on stdout, problems on stderr) and returns the exit code.
    static func report(_ outcome: CallOutcome, operation: APIOperation, requestNo: String) -> ExitCode {
        let reference = "\(operation.apiCode) requestNo \(requestNo)"
        switch outcome {
        case .success(let body):
            print(masked(.object(body)).compactText)
            return .success
        case .businessFailure(let body):
            print(masked(.object(body)).compactText)
            Console.error("\(reference): encrypt FAILED")
            return .someFailed
        case .platformError(let code, let detail, let retryAfter):
            let wait = retryAfter.map { " (retry after \($0) s)" } ?? ""
            Console.error("\(reference): platform error \(code): \(Masking.cardNumbers(inText: detail))\(wait)")
            return .someFailed
        case .httpError(let status, let retryAfter):
            guard outcome.isTransient || operation.isReadOnly else {
                Console.error("\(reference): outcome unknown (HTTP \(status) without a platform answer: a gateway error can"
                              + " follow a commit); check with a query before sending again")
                return .unknownRemain
            }
            Console.error("\(reference): HTTP \(status)\(retryAfter.map { " (retry after \($0) s)" } ?? "")")
            return .someFailed
        case .protocolError(let reason):
            Console.error("\(reference): untrusted response, the platform may have processed it: \(reason)")
            return operation.isReadOnly ? .someFailed : .unknownRemain
        case .notSent(let reason):
            Console.error("\(reference): not sent: \(reason)")
            return .someFailed
        case .unknown(let reason):
            Console.error("\(reference): outcome unknown (\(reason)); check with a query before sending again")
            return .unknownRemain
        }
    }
}
