// SIGPIPEBlockTests: a write to a socket whose peer is gone, made inside SIGPIPEBlock, fails
// with EPIPE and delivers no SIGPIPE — the process-wide disposition stays as it was, and a
// counting handler stands in for the default one (which would end the test process).

#if canImport(Glibc)
import Glibc
import KazeCrypto
import XCTest

/// SIGPIPEs delivered to the counting handler.
nonisolated(unsafe) private var deliveredSIGPIPEs = 0

final class SIGPIPEBlockTests: XCTestCase {
    func testAWriteToAClosedPeerFailsWithEPIPEAndRaisesNoSignal() throws {
        let previous = signal(SIGPIPE) { _ in deliveredSIGPIPEs += 1 }
        defer { signal(SIGPIPE, previous) }
        var pair: [Int32] = [0, 0]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair), 0)
        defer { close(pair[0]) }
        close(pair[1])
        deliveredSIGPIPEs = 0
        let byte: [UInt8] = [0x41]
        let (written, error) = SIGPIPEBlock.around { (write(pair[0], byte, 1), errno) }
        XCTAssertEqual(written, -1)
        XCTAssertEqual(error, EPIPE)
        XCTAssertEqual(deliveredSIGPIPEs, 0, "the SIGPIPE was taken off the thread, not delivered")

        _ = write(pair[0], byte, 1)  // the same write outside the block does raise it
        XCTAssertEqual(deliveredSIGPIPEs, 1, "the test can tell")
    }
}
#endif
