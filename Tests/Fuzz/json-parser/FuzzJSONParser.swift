// FuzzJSONParser: libFuzzer entry point for the JSON parser. Any input either fails with a
// JSONParseError at an offset inside the input, or parses to a value whose compact writing
// parses back to the same value and writes to the same bytes.

import FuzzSupport
import KazeProtocol

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let value: JSONValue
    do {
        value = try JSONValue.parse(bytes)
    } catch let error as JSONParseError {
        FuzzOracle.require((0...size).contains(error.offset), "error offset \(error.offset) outside \(size) bytes")
        _ = error.description
        return 0
    } catch {
        FuzzOracle.require(false, "unexpected error type: \(error)")
        return 0
    }
    let written = value.compactBytes
    guard let reparsed = try? JSONValue.parse(written) else {
        FuzzOracle.require(false, "the parser refuses its own writing: \(String(decoding: written, as: UTF8.self))")
        return 0
    }
    FuzzOracle.require(reparsed == value, "round trip changed the value: \(String(decoding: written, as: UTF8.self))")
    FuzzOracle.require(reparsed.compactBytes == written, "writing is not stable")
    return 0
}

/// The executable's entry point: libFuzzer with `fuzzJSONParser`.
@_cdecl("FuzzJSONParser_main")
public func fuzzJSONParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzJSONParser)
}
