// RawHTTPClient: a blocking test client on plain sockets, so server tests control every byte.

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One TCP connection to 127.0.0.1 that writes raw bytes and reads whole HTTP responses.
/// Each instance is used by one thread at a time (unchecked: tests hand it between threads).
final class RawHTTPClient: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error {
        case connect(String)
        case closed
        case malformed(String)
    }

    private let fd: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw Failure.connect(String(cString: strerror(errno)))
        }
    }

    deinit { Glibc.close(fd) }

    func write(_ text: String) { write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// A POST with a Content-Length body.
    func post(_ path: String, body: String, extraHeaders: String = "") {
        write("POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\(extraHeaders)\r\n\(body)")
    }

    /// Reads one whole response (head + Content-Length body).
    func readResponse() throws -> Response {
        while true {
            if let end = headEnd() {
                let headText = String(decoding: buffer[..<end], as: UTF8.self)
                var lines = headText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                let statusLine = lines.removeFirst().split(separator: " ")
                guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed(headText) }
                var headers: [String: String] = [:]
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed(line) }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                let length = Int(headers["content-length"] ?? "0") ?? 0
                while buffer.count < end + length { try fill() }
                let body = Array(buffer[end..<end + length])
                buffer.removeSubrange(0..<end + length)
                return Response(status: status, headers: headers, body: body)
            }
            try fill()
        }
    }

    /// True when the server closed the connection (read returns end of stream) with nothing pending.
    func isClosedByPeer() -> Bool {
        guard buffer.isEmpty else { return false }
        do {
            try fill()
            return false
        } catch { return true }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 65536, 0) }
        guard count > 0 else { throw Failure.closed }
        buffer += chunk[0..<count]
    }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index + 4
        }
        return nil
    }
}
