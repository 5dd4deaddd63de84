// FuzzJSONLReader: libFuzzer entry point for the JSONL reader. The input is a JSONL file; it is
// split into lines once in a single read and once in chunks of 1 to 7 bytes, and both must
// give the same lines. Then the record sources of recharge and kyc parse and map each line.

import FuzzSupport
import KazeProtocol

@testable import KazeBatch

/// The non-blank lines of the file at `path`, `readSize` bytes per read.
private func lines(_ path: String, readSize: Int) -> [String] {
    do {
        var reader = JSONLReader(source: try ByteSource(path: path, readSize: readSize))
        var bytes: [UInt8] = []
        var tooLong = false
        var result: [String] = []
        while let line = try reader.next(into: &bytes, tooLong: &tooLong) {
            result.append("\(line) \(bytes) \(tooLong)")
        }
        return result
    } catch {
        return ["error: \(error)"]
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = ScratchFolder.write(FuzzInput.bytes(data, size), to: "input.jsonl")
    FuzzOracle.requireSameAtAnyReadSize(inputSize: size, whole: min(max(size, 1), ByteSource.chunkSize), smallUpTo: 7) {
        lines(path, readSize: $0)
    }
    for operation in [APIOperation.recharge, .kyc] {
        guard var source = try? JSONLRecordReader(path: path, schema: OperationSchema(operation: operation)) else { continue }
        var record = RawRecord()
        while (try? source.next(into: &record)) == true {}
    }
    return 0
}

/// The executable's entry point: libFuzzer with `fuzzJSONLReader`.
@_cdecl("FuzzJSONLReader_main")
public func fuzzJSONLReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzJSONLReader)
}
