// HelpTests: -q and --, "did you mean" for commands, operations, fields and options, and the
// shared help format of the commands this branch owns (the executable's --version, `help` and
// -h: KazeEndToEndTests/HelpProcessTests).

import KazeTestSupport
import XCTest

@testable import KazeCLI

final class HelpTests: XCTestCase {
    func testShortQuietFlagAndDoubleDash() throws {
        XCTAssertTrue(try Arguments(["-q"], valued: [], boolean: ["quiet"]).flag("quiet"))
        XCTAssertEqual(try Arguments(["--", "-q"], valued: [], boolean: ["quiet"]).positionals, ["-q"])
    }

    func testSuggestionsOnlyWhenClose() {
        XCTAssertEqual(Suggestion.nearest(to: "recharg", among: ["recharge", "card", "close"]), "recharge")
        XCTAssertEqual(Suggestion.nearest(to: "runn", among: CLI.names), "run")
        XCTAssertEqual(Suggestion.nearest(to: "card", among: ["cardID", "ref"]), "cardID")
        XCTAssertNil(Suggestion.nearest(to: "xyz", among: CLI.names))
        XCTAssertNil(Suggestion.nearest(to: "delete", among: CLI.names))
        XCTAssertEqual(Suggestion.distance(Array("kitten"), Array("sitting")), 3)
        XCTAssertThrowsError(try Arguments(["--cocurrency", "2"], valued: ["concurrency"], boolean: [])) {
            XCTAssertEqual(($0 as? CLIError)?.message, "unknown option --cocurrency (did you mean `--concurrency`?)")
        }
        XCTAssertThrowsError(try Arguments(["--zzz"], valued: ["concurrency"], boolean: [])) {
            XCTAssertEqual(($0 as? CLIError)?.message, "unknown option --zzz")
        }
    }

    func testUnknownOperationSuggestsTheNearest() async throws {
        XCTAssertThrowsError(
            try ValidationRequest(
                try Arguments(["set-stats", "x.csv"], valued: [], boolean: []), command: "validate")
        ) {
            XCTAssertTrue(($0 as? CLIError)?.message.hasPrefix("unknown operation \"set-stats\" (did you mean `set-status`?)") == true)
        }
    }

    func testOwnedHelpTextsFollowTheSharedFormat() {
        let helps = [
            "top level": CLI.usage, "call": CallCommand.help, "keys": KeysCommand.help,
            "sandbox": SandboxCommand.help, "validate": ValidateCommand.help, "doctor": DoctorCommand.help,
            "run": RunCommand.help, "reconcile": ReconcileCommand.help, "plan": PlanCommand.help,
            "status": StatusCommand.help, "settle": SettleCommand.help, "export": ExportCommand.help,
            "audit": AuditCommand.help,
        ]
        for (name, help) in helps {
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            XCTAssertTrue(lines[0].hasPrefix("usage: kazebatch"), name)
            XCTAssertTrue(lines.contains("options:"), name)
            XCTAssertTrue(lines.contains { $0.hasPrefix("exit status:") }, name)
            let examples = lines.firstIndex(of: "examples:").map { lines[($0 + 1)...].filter { $0.hasPrefix("  kazebatch ") } } ?? []
            XCTAssertTrue((2...3).contains(examples.count), "\(name): \(examples.count) examples")
            var seen: Set<String> = []
            for (index, line) in lines.enumerated() where line.hasPrefix("  -") {
                let option = String(line.dropFirst(2).prefix { $0 != " " })
                XCTAssertTrue(seen.insert(option).inserted, "\(name) lists \(option) twice")
                let text = line + (index + 1 < lines.count ? lines[index + 1] : "")
                XCTAssertTrue(text.contains("(default") || text.contains("(required"), "\(name): \(option) has no default")
            }
            XCTAssertFalse(seen.isEmpty, name)
        }
    }
}
