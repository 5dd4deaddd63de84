// AnswerError: why bytes received from the server are not an acceptable HTTP answer.

/// A problem with the answer itself (the request was sent, so the outcome is in doubt).
enum AnswerError: Error, Equatable {
    /// Not well-formed HTTP/1.1.
    case malformed(String)
    /// Beyond the head or body limits.
    case tooLarge(String)

    /// Operator text.
    var reason: String {
        switch self {
        case .malformed(let text): "malformed answer: \(text)"
        case .tooLarge(let text): "answer too large: \(text)"
        }
    }

    /// At most 40 bytes of `bytes` as text, anything but printable ASCII as `\xNN`, so binary
    /// garbage stays readable and short in a message.
    static func preview<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let shown = bytes.prefix(40).map { byte in
            (0x20...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true).leftPadded
        }.joined()
        return "\"" + shown + (bytes.count > 40 ? "…" : "") + "\""
    }
}

private extension String {
    /// Two hex digits.
    var leftPadded: String { count < 2 ? "0" + self : self }
}
