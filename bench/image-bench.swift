// image-bench: the KYC image path alone, in image bytes per second of wall time (median of the
// passes): `ImageFile.dataURI` (read the file, check its type, base64 it straight into the data
// URI's string), and the encoder without the read. Built and run by bench/kyc.sh, which times
// coreutils `base64 -w0` on the same bytes next to it.
// Usage: image-bench IMAGE PASSES   → prints "read_and_encode_bytes_per_s V" and "encode_bytes_per_s V"

import Foundation
import KazeBatch
import KazeCrypto

let arguments = CommandLine.arguments
let url = URL(fileURLWithPath: arguments[1])
let passes = Int(arguments[2]) ?? 200
let bytes = try Data(contentsOf: url)
let clock = ContinuousClock()

/// Median bytes per second of `passes` runs of `body`, each producing a string of `bytes`' data URI.
func medianRate(_ body: () throws -> String) rethrows -> Double {
    var seconds: [Double] = []
    for _ in 0..<passes {
        let start = clock.now
        let text = try body()
        let elapsed = clock.now - start
        precondition(text.utf8.count > bytes.count, "the data URI is too short")
        seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return Double(bytes.count) / seconds.sorted()[seconds.count / 2]
}

print("read_and_encode_bytes_per_s \(try medianRate { try ImageFile.dataURI(contentsOf: url) })")
print("encode_bytes_per_s \(medianRate { bytes.withUnsafeBytes { Base64.encode($0, prefix: "data:image/jpeg;base64,") } })")
