// OperationSchema: the input columns of one operation, in documented order, and how column names
// found in a file (any letter case) map to them. The columns and their rules come from
// KazeProtocol's FieldTable. `ref` is accepted by every operation.

import KazeProtocol

/// The input columns of one operation.
struct OperationSchema: Sendable {
    /// The user's own row reference column, accepted by every operation.
    static let refColumn = "ref"

    /// The operation these columns feed.
    let operation: APIOperation
    /// The columns in documented field order (KYC image paths last, as the images are).
    let columns: [FieldSpec]
    private let slotsByName: [String: Int]

    /// The schema of `operation`.
    init(operation: APIOperation) {
        self.operation = operation
        self.columns = FieldTable.fields(of: operation)
        var slots: [String: Int] = [Self.refColumn: columns.count]
        for (slot, column) in columns.enumerated() { slots[column.name.lowercased()] = slot }
        self.slotsByName = slots
    }

    /// The slot of the `ref` column: one past the last field column.
    var refSlot: Int { columns.count }

    /// How many value slots a record has (every column plus `ref`).
    var slotCount: Int { columns.count + 1 }

    /// The slot of a column or key name as written in a file, or `nil` when it is unknown.
    func slot(forName name: String) -> Int? { slotsByName[name.lowercased()] }

    /// The column name of `slot`, as it should be written.
    func fieldName(ofSlot slot: Int) -> String { slot == refSlot ? Self.refColumn : columns[slot].name }

    /// The column names as they should be written, `ref` last.
    var columnNames: [String] { columns.map(\.name) + [Self.refColumn] }
}
