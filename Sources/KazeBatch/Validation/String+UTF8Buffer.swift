// String+UTF8Buffer: a String's UTF-8 as one contiguous buffer, for the byte loops of the
// per-record checks (faster than iterating the UTF-8 view one element at a time).

extension String {
    /// Calls `body` with this string's UTF-8 bytes in one buffer.
    func withUTF8Buffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
