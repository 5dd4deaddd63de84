// CLI: the entry point — picks the command from the first word and runs it.

import Foundation
import KazeBatch

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
        case "doctor": DoctorCommand.self
        default: nil
        }
    }

    static let usage = """
        usage: kazebatch <command> [arguments] [options]

        Batch processor for KazePay's Physical Card API: validates CSV/JSONL batches offline,
        sends them under a rate limit with retries, journals every step (never moves money twice)
        and writes results and a hash-chained audit file.

        commands:
          validate <op> <file>            offline checks, every error reported, nothing sent
          plan     <op> <file>            validate + what would be sent: counts, money totals
          run      <op> <file> [options]  execute (resumes automatically)
          status   <op> <file>            journal summary of a batch without running it
          reconcile <op> <file>           resolve UNKNOWN rows by querying the platform
          settle recharge <file>          final status of recharges answered PENDING
          export transactions|balances <cards-file>   the cards' transactions or balances as CSV
          call     <apiCode> key=value... one call, checked and journaled like a batch row
          audit verify <audit.csv>        check the audit file's hash chain
          keys generate <dir>             new merchant RSA key pair (private key mode 0600)
          doctor [options]                check configuration, keys, endpoint, clock and crypto profile
          sandbox [--port N] [faults]     run the KazePay simulator on 127.0.0.1
          help <command>                  the options of a command (also `kazebatch <command> --help`)

        <op>: kyc, kyc-status, assign, activate, set-pin, card, balance, recharge,
              transactions, set-status, close

        options:
          -h, --help       this text (default: shown when no command is given)
          --version        print the version of kazebatch and exit (default off)

        exit status: 0 done; 2 usage (an unknown command, or none); each command lists its own.

        examples:
          kazebatch validate recharge samples/recharge.csv
          kazebatch run recharge samples/recharge.csv --confirm-total USD:428.84
          kazebatch help run
        """

    /// The command names, as listed in `usage`.
    static var names: [String] {
        usage.split(separator: "\n").compactMap { line in
            line.hasPrefix("  ") ? line.split(separator: " ").first.map(String.init) : nil
        }.filter { command(named: $0) != nil }
    }

    /// Runs one command line (without the program name) with its output going to `streams`
    /// and returns its exit code. Errors are written to stderr as one operator-readable line;
    /// never a stack trace.
    /// SIGINT and SIGTERM do again what they did before the command (a command that stops
    /// cleanly catches them while it runs).
    public static func run(_ words: [String], streams: ConsoleStreams = .standard) async -> ExitCode {
        let signals = StopSignals.saved()
        defer { StopSignals.restore(signals) }
        return await Console.$streams.withValue(streams) { await dispatch(words) }
    }

    private static func dispatch(_ words: [String]) async -> ExitCode {
        guard let first = words.first, !["--help", "-h", "help"].contains(first) || words.count == 2 && first == "help" else {
            Console.out(usage)
            return words.isEmpty ? .usage : .success
        }
        if first == "--version" {
            Console.out("kazebatch " + KazebatchVersion.text)
            return .success
        }
        let name = first == "help" ? words[1] : first
        guard let command = command(named: name) else {
            Console.error("unknown command \"\(SafeText.shown(name, limit: 40))\"\(Suggestion.hint(for: name, among: names))\n\n\(usage)")
            return .usage
        }
        let rest = Array(words.dropFirst())
        if first == "help" || rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            Console.out(command.help)
            return .success
        }
        do {
            return try await command.run(rest)
        } catch let error as CLIError {
            Console.error(error.message)
            return error.exitCode
        } catch let error as any EngineError {
            Console.error(error.description)
            return ExitCode(error.verdict)
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
