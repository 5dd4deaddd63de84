// CLI: the entry point — picks the command from the first word and runs it.

import Foundation

/// The kazebatch command line.
public enum CLI {
    /// The commands, by their first word.
    static func command(named name: String) -> (any Command.Type)? {
        switch name {
        case "validate": ValidateCommand.self
        case "plan": PlanCommand.self
        case "run": RunCommand.self
        case "status": StatusCommand.self
        case "reconcile": ReconcileCommand.self
        case "settle": SettleCommand.self
        case "export": ExportCommand.self
        case "call": CallCommand.self
        case "audit": AuditCommand.self
        case "keys": KeysCommand.self
        case "sandbox": SandboxCommand.self
        default: nil
        }
    }

    static let usage = """
        usage: kazebatch <command> [arguments]

          validate <op> <file>            offline checks, every error reported, nothing sent
          plan     <op> <file>            validate + what would be sent: counts, money totals
          run      <op> <file> [options]  execute (resumes automatically)
          status   <op> <file>            journal summary of a batch without running it
          reconcile <op> <file>           resolve UNKNOWN rows by querying the platform
          settle recharge <file>          final status of recharges answered PENDING
          export transactions|balances <cards-file>   the cards' transactions or balances as CSV
          call     <apiCode> key=value... one ad-hoc API call, prints the decrypted JSON
          audit verify <audit.csv>        check the audit file's hash chain
          keys generate <dir>             new merchant RSA key pair (private key mode 0600)
          sandbox [--port N] [faults]     run the KazePay simulator on 127.0.0.1

        <op>: kyc, kyc-status, assign, activate, set-pin, card, balance, recharge,
              transactions, set-status, close
        Run `kazebatch <command> --help` for the options of a command.
        """

    /// Runs one command line (without the program name) and returns its exit code.
    /// Errors are printed to stderr as one operator-readable line; never a stack trace.
    public static func run(_ words: [String]) async -> ExitCode {
        guard let first = words.first, first != "--help", first != "-h", first != "help" else {
            print(usage)
            return words.isEmpty ? .usage : .success
        }
        guard let command = command(named: first) else {
            Console.error("unknown command \"\(first)\"\n\n\(usage)")
            return .usage
        }
        let rest = Array(words.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            print(command.help)
            return .success
        }
        do {
            return try await command.run(rest)
        } catch let error as CLIError {
            Console.error(error.message)
            return error.exitCode
        } catch {
            Console.error("\(error)")
            return .usage
        }
    }
}

/// One kazebatch command.
protocol Command {
    /// The command's help text.
    static var help: String { get }
    /// Runs the command with the words after its name.
    static func run(_ words: [String]) async throws -> ExitCode
}
