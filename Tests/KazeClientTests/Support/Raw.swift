// Raw: answer bytes written by hand for ScriptedServer scripts.

/// Raw answer bytes for scripts.
enum Raw {
    /// `text` as bytes.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A complete `200 OK` answer with `body` and Content-Length, plus `headers` lines.
    static func ok(_ body: String = "ok", headers: [String] = []) -> [UInt8] {
        bytes("HTTP/1.1 200 OK\r\n" + headers.map { $0 + "\r\n" }.joined() + "Content-Length: \(body.utf8.count)\r\n\r\n" + body)
    }
}
