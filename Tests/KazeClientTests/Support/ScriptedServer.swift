// ScriptedServer: a loopback HTTP server that misbehaves on cue — it reads requests (head and
// Content-Length body) and answers each as its script says: raw bytes, pauses, trickles, closes.
// It counts the connections it accepted and the requests it received, and stops by itself
// (every wait is bounded; `stop()` ends all of them at once).

import Foundation

final class ScriptedServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let script: @Sendable (ScriptEvent) -> [ScriptMove]
    private let lock = NSLock()
    private var stopped = false
    private var accepted = 0
    private var requests: [String] = []
    private var open: Set<Int32> = []
    private let threads = DispatchGroup()

    /// A server on `host` (`127.0.0.1` or `::1`) answering as `script` says.
    init(host: String = "127.0.0.1", script: @escaping @Sendable (ScriptEvent) -> [ScriptMove]) throws {
        self.script = script
        (listener, port) = try Self.listen(host: host)
        threads.enter()
        Thread { [self] in
            acceptLoop()
            threads.leave()
        }.start()
    }

    /// Connections accepted so far.
    var connections: Int { lock.withLock { accepted } }
    /// Request heads received so far (the request line and headers), in order.
    var receivedHeads: [String] { lock.withLock { requests } }
    /// Requests received so far.
    var requestCount: Int { receivedHeads.count }

    /// Stops accepting, ends every connection, waits for the threads.
    func stop() {
        let fds: Set<Int32> = lock.withLock {
            stopped = true
            return open
        }
        fds.forEach { shutdown($0, Int32(SHUT_RDWR)) }
        shutdown(listener, Int32(SHUT_RDWR))
        _ = threads.wait(timeout: .now() + 5)
        close(listener)
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        while !isStopped {
            var entry = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) > 0 else { continue }
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { continue }
            let number: Int? = lock.withLock {
                guard !stopped else { return nil }
                accepted += 1
                open.insert(fd)
                return accepted
            }
            guard let number else {
                close(fd)
                continue
            }
            threads.enter()
            Thread { [self] in
                serve(fd, connection: number)
                lock.withLock { _ = open.remove(fd) }
                close(fd)
                threads.leave()
            }.start()
        }
    }

    private func serve(_ fd: Int32, connection: Int) {
        guard perform(script(.accepted(connection: connection)), on: fd) else { return }
        var buffer: [UInt8] = []
        while !isStopped {
            guard let (head, body, rest) = Self.request(in: buffer) else {
                guard let more = read(fd) else { return }
                buffer += more
                continue
            }
            buffer = rest
            let number: Int = lock.withLock {
                requests.append(head)
                return requests.count
            }
            guard perform(script(.request(number: number, head: head, body: body)), on: fd) else { return }
        }
    }

    /// Runs `moves`; false when the connection was closed (by a move or the peer).
    private func perform(_ moves: [ScriptMove], on fd: Int32) -> Bool {
        for move in moves {
            switch move {
            case .send(let bytes):
                guard bytes.isEmpty || send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { return false }
            case .trickle(let bytes, let milliseconds):
                for byte in bytes {
                    guard pause(milliseconds), send(fd, [byte], 1, Int32(MSG_NOSIGNAL)) == 1 else { return false }
                }
            case .pause(let milliseconds):
                guard pause(milliseconds) else { return false }
            case .close:
                return false
            case .tunnel(let port):
                relay(fd, toPort: port)
                return false
            }
        }
        return true
    }

    /// Connects to 127.0.0.1:`port`, says so, and copies bytes both ways until one side ends.
    private func relay(_ client: Int32, toPort port: UInt16) {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(upstream) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let refusal = Raw.bytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            _ = send(client, refusal, refusal.count, Int32(MSG_NOSIGNAL))
            return
        }
        let established = Raw.bytes("HTTP/1.1 200 Connection established\r\n\r\n")
        guard send(client, established, established.count, Int32(MSG_NOSIGNAL)) == established.count else { return }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        for _ in 0..<1_000 where !isStopped {
            var entries = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
            guard poll(&entries, 2, 100) >= 0 else { return }
            for (from, to) in [(0, upstream), (1, client)] where entries[from].revents != 0 {
                let count = recv(entries[from].fd, &chunk, chunk.count, 0)
                guard count > 0, send(to, chunk, count, Int32(MSG_NOSIGNAL)) == count else { return }
            }
        }
    }

    /// Sleeps in short steps; false when the server stopped meanwhile.
    private func pause(_ milliseconds: Int) -> Bool {
        let end = Date().addingTimeInterval(Double(milliseconds) / 1_000)
        while Date() < end {
            if isStopped { return false }
            usleep(useconds_t(min(20_000, max(1_000, end.timeIntervalSinceNow * 1_000_000))))
        }
        return !isStopped
    }

    /// Reads what arrives within 10 s; `nil` at end of stream, on error or stop.
    private func read(_ fd: Int32) -> [UInt8]? {
        for _ in 0..<100 where !isStopped {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = recv(fd, &chunk, chunk.count, 0)
            return count > 0 ? Array(chunk[..<count]) : nil
        }
        return nil
    }

    /// A complete request at the start of `buffer`: its head, body and the bytes after it.
    private static func request(in buffer: [UInt8]) -> (String, [UInt8], [UInt8])? {
        let end: [UInt8] = [13, 10, 13, 10]
        guard buffer.count >= 4, let split = (0...(buffer.count - 4)).first(where: { Array(buffer[$0..<$0 + 4]) == end })
        else { return nil }
        let head = String(decoding: buffer[..<split], as: UTF8.self)
        let length =
            head.split(separator: "\r\n").compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }.first ?? 0
        let bodyStart = split + 4
        guard buffer.count >= bodyStart + length else { return nil }
        return (head, Array(buffer[bodyStart..<bodyStart + length]), Array(buffer[(bodyStart + length)...]))
    }

    /// A listening socket on `host` with room for `backlog` unaccepted connections, port chosen
    /// by the system.
    static func listen(host: String, backlog: Int32 = 16) throws -> (Int32, UInt16) {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, "0", &hints, &list) == 0, let info = list?.pointee else {
            throw NSError(domain: "ScriptedServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "no address \(host)"])
        }
        defer { freeaddrinfo(list) }
        let fd = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard fd >= 0, bind(fd, info.ai_addr, info.ai_addrlen) == 0, Glibc.listen(fd, backlog) == 0 else {
            if fd >= 0 { close(fd) }
            throw NSError(domain: "ScriptedServer", code: 2, userInfo: [NSLocalizedDescriptionKey: "cannot listen on \(host)"])
        }
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let port = withUnsafePointer(to: &address) { pointer -> UInt16 in
            if info.ai_family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        return (fd, port)
    }
}
