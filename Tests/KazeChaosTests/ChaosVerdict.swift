// ChaosVerdict: a cell's results judged against the sandbox's final state — cards paid twice
// (double), rows without one true outcome (lost: missing, or SUCCEEDED/FAILED contradicting
// the platform), and rows left UNKNOWN.

import Foundation
import KazeProtocol

struct ChaosVerdict {
    let cell: ChaosCell
    let csv: String
    let rows: [ChaosResults.Row]
    let state: JSONObject

    func judge(into result: inout ChaosRun.Result) {
        let input = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let byRef = Dictionary(rows.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        var finished: [(cells: [String], row: ChaosResults.Row)] = []
        for cells in input {
            guard let row = byRef[cells[cells.count - 1]], ["SUCCEEDED", "FAILED", "UNKNOWN"].contains(row.outcome) else {
                result.lost += 1
                result.notes.append("\(cells.last ?? "?") has no outcome")
                continue
            }
            if row.outcome == "UNKNOWN" { result.unknown += 1 }
            finished.append((cells, row))
        }
        switch cell.operation {
        case .recharge: judgeRecharges(finished, &result)
        case .setStatus: judgeStatusChanges(finished, &result)
        case .assign: judgeAssignments(finished, &result)
        }
    }

    private var list: (String) -> [JSONObject] {
        { key in state[key]?.arrayValue?.compactMap(\.objectValue) ?? [] }
    }

    private func judgeRecharges(_ finished: [(cells: [String], row: ChaosResults.Row)], _ result: inout ChaosRun.Result) {
        var credits: [String: Int] = [:]
        for transaction in list("transactions")
        where transaction.text("type") == "Recharge" && transaction.text("status") != "FAILED" {
            credits[transaction.text("cardID") ?? "", default: 0] += 1
        }
        for (card, rowsOfCard) in Dictionary(grouping: finished, by: { $0.cells[0] }) {
            let paid = credits[card] ?? 0
            let succeeded = rowsOfCard.filter { $0.row.outcome == "SUCCEEDED" }.count
            let unknown = rowsOfCard.filter { $0.row.outcome == "UNKNOWN" }.count
            if paid > rowsOfCard.count {
                result.double += 1
                result.notes.append("\(card) paid \(paid) times for \(rowsOfCard.count) rows")
            }
            let wrong = max(0, succeeded - paid) + max(0, paid - succeeded - unknown)
            if wrong > 0 {
                result.lost += wrong
                result.notes.append("\(card): \(paid) credits, \(succeeded) SUCCEEDED and \(unknown) UNKNOWN rows")
            }
        }
    }

    private func judgeStatusChanges(_ finished: [(cells: [String], row: ChaosResults.Row)], _ result: inout ChaosRun.Result) {
        let statuses = Dictionary(
            list("cards").map { ($0.text("cardID") ?? "", $0.text("status") ?? "") },
            uniquingKeysWith: { first, _ in first })
        for (card, rowsOfCard) in Dictionary(grouping: finished, by: { $0.cells[0] }) {
            guard let last = rowsOfCard.last, last.row.outcome == "SUCCEEDED" else { continue }
            if statuses[card] != last.cells[1] {
                result.lost += 1
                result.notes.append("\(card) is \(statuses[card] ?? "?") after its last row \(last.cells[1]) SUCCEEDED")
            }
        }
    }

    private func judgeAssignments(_ finished: [(cells: [String], row: ChaosResults.Row)], _ result: inout ChaosRun.Result) {
        var owners: [String: [String]] = [:]
        for card in list("cards") where card.text("series") == "inventory" {
            owners[card["index"]?.numberText ?? "", default: []].append(card.text("email") ?? "")
        }
        result.double += owners.values.filter { $0.count > 1 }.count
        for (cells, row) in finished {
            let index = String(Int(cells[1].dropFirst(6).prefix(9)) ?? 0)
            let assigned = owners[index]?.contains(cells[0]) ?? false
            if (row.outcome == "SUCCEEDED" && !assigned) || (row.outcome == "FAILED" && assigned) {
                result.lost += 1
                result.notes.append("\(cells[0]) \(row.outcome) but assigned: \(assigned)")
            }
        }
    }
}
