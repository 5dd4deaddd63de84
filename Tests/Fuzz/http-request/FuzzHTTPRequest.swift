// FuzzHTTPRequest: libFuzzer entry point for the sandbox's HTTP request parser. The input is
// what a client sent on one connection; heads are parsed one after the other as the server
// does (pipelined requests, each followed by its Content-Length body), under small limits so
// the 431 and 413 paths are reached too.

import FuzzSupport

@testable import KazeSandbox

private let parsers = [
    HTTPRequestParser(limits: HTTPLimits()),
    HTTPRequestParser(limits: HTTPLimits(maxHeaderBytes: 256, maxBodyBytes: 64)),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    for parser in parsers {
        var rest = bytes[...]
        while !rest.isEmpty {
            switch parser.parseHead(Array(rest)) {
            case .needMore:
                rest = []
            case .reject(let status, let message):
                FuzzOracle.require((400...599).contains(status) && !message.isEmpty, "bad refusal \(status) \(message)")
                rest = []
            case .head(let head, let consumed):
                FuzzOracle.require(consumed > 0 && consumed <= rest.count, "consumed \(consumed) of \(rest.count)")
                FuzzOracle.require((0...parser.limits.maxBodyBytes).contains(head.contentLength), "length \(head.contentLength)")
                rest = rest.dropFirst(consumed).dropFirst(head.contentLength)
            }
        }
    }
    return 0
}

/// The executable's entry point: libFuzzer with `fuzzHTTPRequest`.
@_cdecl("FuzzHTTPRequest_main")
public func fuzzHTTPRequestMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzHTTPRequest)
}
