// FuzzCSVReader: libFuzzer entry point for the CSV reader. The input is a CSV file; it is read
// once in a single read and once in chunks of 1 to 7 bytes, and both readings must give the
// same records (fields, lines, problems). Then the record sources of recharge and kyc (plain
// and image columns) map it onto their columns.

import FuzzSupport
import KazeProtocol

@testable import KazeBatch

/// Reads the file at `path` record by record, `readSize` bytes per read.
private func records(_ path: String, readSize: Int) -> [String] {
    do {
        var reader = CSVReader(source: try ByteSource(path: path, readSize: readSize))
        var row = CSVRow()
        var result: [String] = []
        while try reader.next(into: &row) {
            let fields = (0..<row.fieldCount).map { Array(row.field($0)) }
            result.append("\(row.line) \(fields) \(row.problem ?? "-") \(row.isAllBlank)")
        }
        return result
    } catch {
        return ["error: \(error)"]
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = ScratchFolder.write(FuzzInput.bytes(data, size), to: "input.csv")
    FuzzOracle.requireSameAtAnyReadSize(inputSize: size, whole: min(max(size, 1), ByteSource.chunkSize), smallUpTo: 7) {
        records(path, readSize: $0)
    }
    for operation in [APIOperation.recharge, .kyc] {
        guard var source = try? CSVRecordReader(path: path, schema: OperationSchema(operation: operation)) else { continue }
        var record = RawRecord()
        while (try? source.next(into: &record)) == true {}
    }
    return 0
}

/// The executable's entry point: libFuzzer with `fuzzCSVReader`.
@_cdecl("FuzzCSVReader_main")
public func fuzzCSVReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzCSVReader)
}
