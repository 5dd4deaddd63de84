// ChaosCell: one cell of the chaos matrix — an operation, the sandbox's misbehaviour for it,
// and how its rows are made and judged against the sandbox's final state.

import Foundation
import KazeProtocol

/// One operation under one set of sandbox faults.
struct ChaosCell {
    /// The batch operations the matrix covers.
    enum Operation: String {
        case recharge
        case setStatus = "set-status"
        case assign
    }

    /// The row's name in the table, e.g. `recharge/drop-after-commit`.
    let name: String
    let operation: Operation
    /// Sandbox flags for the behaviour (beyond the matrix's common ones).
    let flags: [String]

    /// The cells of the matrix: every behaviour alone, then all together, for recharge; the
    /// commit-then-no-answer behaviours and all together for set-status and assign.
    static func matrix(full: Bool) -> [ChaosCell] {
        let late = ["--late-commit-rate", "0.2", "--late-commit-ms", "1500"]
        let behaviours: [(String, [String])] = [
            ("none", []),
            ("drop-after-commit", ["--drop-after-commit", "0.2"]),
            ("gateway-error-after-commit", ["--gateway-error-after-commit", "0.2"]),
            ("late-commit", late),
            ("timeout", ["--timeout-rate", "0.1", "--timeout-hang-ms", "1500"]),
            ("fail", ["--fail-rate", "0.2"]),
            ("bad-sign", ["--bad-sign-rate", "0.1"]),
            ("rate-limit", ["--rate-limit", "15", "--rate-limit-style", "mixed"]),
            ("clock-offset+utc-offset", ["--clock-offset-s", "-180", "--utc-offset", "+08:00"]),
            ("purchases+page-size-cap", ["--purchases", "200", "--page-size-cap", "50"]),
            ("dedupe-replay+drop", ["--dedupe", "replay", "--drop-after-commit", "0.2"]),
            ("dedupe-reject+fail", ["--dedupe", "reject", "--fail-rate", "0.2"]),
        ]
        let all = [
            "--drop-after-commit", "0.1", "--gateway-error-after-commit", "0.1", "--late-commit-rate", "0.1",
            "--late-commit-ms", "1500", "--timeout-rate", "0.05", "--timeout-hang-ms", "1500", "--fail-rate", "0.1",
            "--bad-sign-rate", "0.05", "--rate-limit", "60", "--clock-offset-s", "-180", "--utc-offset", "+08:00",
            "--purchases", "100", "--page-size-cap", "50",
        ]
        var cells = behaviours.map { ChaosCell(name: "recharge/\($0.0)", operation: .recharge, flags: $0.1) }
        cells.append(ChaosCell(name: "recharge/all", operation: .recharge, flags: all))
        let stateChanging =
            full
            ? behaviours
            : behaviours.filter {
                ["drop-after-commit", "gateway-error-after-commit", "late-commit"].contains($0.0)
            }
        for operation in [Operation.setStatus, .assign] {
            cells += stateChanging.map { ChaosCell(name: "\(operation.rawValue)/\($0.0)", operation: operation, flags: $0.1) }
            cells.append(ChaosCell(name: "\(operation.rawValue)/all", operation: operation, flags: all))
        }
        return cells
    }

    /// The input file (CSV) for `rows` rows, and how many sandbox cards it needs.
    func input(rows: Int) -> (csv: String, cards: Int) {
        switch operation {
        case .recharge:
            // A quarter of the cards get a second row with another amount (per-card order).
            let cards = max(1, rows * 3 / 4)
            let lines = (0..<rows).map { row in
                let card = row < cards ? row + 1 : row - cards + 1
                let amount = row < cards ? "1\(row % 10).25" : "2\(row % 10).50"
                return "SB\(Self.six(card)),\(amount),USD,c\(row)"
            }
            return ("cardID,amount,currency,ref\n" + lines.joined(separator: "\n") + "\n", cards)
        case .setStatus:
            let cards = max(1, rows / 3)
            let lines = (0..<rows).map { row in
                "SB\(Self.six(row % cards + 1)),\(row / cards % 2 == 0 ? "INACTIVE" : "ACTIVE"),s\(row)"
            }
            return ("cardID,status,ref\n" + lines.joined(separator: "\n") + "\n", cards)
        case .assign:
            let lines = (0..<rows).map { row in
                "user\(Self.six(row + 1))@sandbox.test,\(Self.inventoryNumber(row + 1)),true,a\(row)"
            }
            return ("email,cardNumber,autoActive,ref\n" + lines.joined(separator: "\n") + "\n", rows)
        }
    }

    static func six(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The sandbox's inventory card number at `index` (539999 + 9 digits + Luhn digit).
    static func inventoryNumber(_ index: Int) -> String {
        let digits = String(index)
        let body = "539999" + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
        var sum = 0
        for (offset, character) in body.reversed().enumerated() {
            var digit = character.wholeNumberValue ?? 0
            if offset % 2 == 0 { digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2 }
            sum += digit
        }
        return body + String((10 - sum % 10) % 10)
    }
}
