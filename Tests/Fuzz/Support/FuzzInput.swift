// FuzzInput: the bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, as a Swift array.

/// One fuzz input.
public enum FuzzInput {
    /// The `size` bytes at `data` (libFuzzer passes a null pointer for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
